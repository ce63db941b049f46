import type { DuesValue } from './rules.ts';

/**
 * Monthly dues (党费) from the month's pay after tax: the bracket containing the pay gives the
 * rate, applied to the whole amount (not marginally), rounded to the fen. Amounts are in fen.
 */
export function monthlyDues(rules: DuesValue, payFen: number): { ratePermille: number; amountFen: number } {
  const sorted = [...rules.brackets].sort((a, b) => (a.upToFen ?? Infinity) - (b.upToFen ?? Infinity));
  const bracket = sorted.find((b) => b.upToFen === null || payFen <= b.upToFen) ?? sorted[sorted.length - 1]!;
  // Integer arithmetic: fen × ‰ / 1000, half up, so 4,500.00 元 at 1 % is exactly 45.00 元.
  return { ratePermille: bracket.ratePermille, amountFen: Math.floor((payFen * bracket.ratePermille + 500) / 1000) };
}

/** Months from `from` to `to` inclusive (YYYY-MM). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${String(m).padStart(2, '0')}` <= to && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
