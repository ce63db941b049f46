/** Whole years from an ISO date to another (age, years of service). */
export function yearsOld(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < (fd || 1)) ? 1 : 0);
}
