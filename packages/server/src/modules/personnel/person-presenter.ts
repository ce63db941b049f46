import type { PersonListItem, PersonRecordWarning } from '@zhenggong/core';
import { careerWarnings } from '@zhenggong/core/personnel/career-checks';
import { rankBandsOn } from '@zhenggong/core/personnel/rank-bands';
import type { PersonTable } from './tables.ts';

/** Whole years between two ISO dates (age, years of service). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < (fd || 1)) ? 1 : 0);
}

/** List row: sensitive values only masked (ID number, phone). */
export function presentListItem(row: PersonTable & { org_name: string }, today: string): PersonListItem {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    age: yearsBetween(row.birth_date, today),
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    policeNumber: row.police_number,
    orgId: row.org_id,
    orgName: row.org_name,
    post: row.post,
    rank: row.rank,
    officerLevel: row.officer_level,
    education: row.education,
    politicalStatus: row.political_status,
    policeStartDate: row.police_start_date,
    status: row.status,
    ...withWarnings(recordWarnings(row, today)),
  };
}

/** What the record shows flagged (never refused): a 警衔 outside its 职级's band on `today` (rank.bands data). */
export function recordWarnings(row: Pick<PersonTable, 'kind' | 'rank' | 'officer_level'>, today: string): PersonRecordWarning[] {
  const input = { kind: row.kind, rank: row.rank ?? undefined, officerLevel: row.officer_level ?? undefined };
  const band = row.officer_level ? rankBandsOn(today)?.bands[row.officer_level] : undefined;
  if (!band || careerWarnings(input, today).length === 0) return [];
  return [{ code: 'rank_outside_band', field: 'rank', low: band[0], high: band[1] }];
}

const withWarnings = (warnings: PersonRecordWarning[]) => (warnings.length > 0 ? { warnings } : {});

/** Profile: every current value (masked where sensitive), without storage internals. */
export function presentProfile(row: PersonTable & { org_name: string }, today: string) {
  return {
    ...presentListItem(row, today),
    formerNames: JSON.parse(row.former_names) as string[],
    ethnicity: row.ethnicity,
    partyJoinDate: row.party_join_date,
    nativePlace: row.native_place,
    birthplace: row.birthplace,
    degree: row.degree,
    workStartDate: row.work_start_date,
    rankDate: row.rank_date,
    levelDate: row.level_date,
    postLevel: row.post_level,
    techLevel: row.tech_level,
    auxCategory: row.aux_category,
    contractEnd: row.contract_end,
    statusDate: row.status_date,
    hasPhoto: row.photo !== null,
    updatedAt: row.updated_at,
  };
}
export type PersonProfileView = ReturnType<typeof presentProfile>;

export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
