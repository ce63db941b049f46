import { checkPerson, maskIdNumber, nameSearchKeys, type CreatePersonBody, type PersonProblem, type PersonWarning } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { maskPhone } from './person-presenter.ts';
import type { PersonTable } from './tables.ts';
import { today as beijingToday } from '../../platform/clock.ts';

/** Beijing's date (see platform/clock.ts). */
export const today = (ctx: AppContext): string => beijingToday(ctx.clock);

export type PersonRowResult =
  | {
      ok: true;
      row: PersonTable;
      /** Flagged, not refused (a 警衔 outside its 职级's band). */
      warnings: PersonWarning[];
      /** The 15-digit number as written when the stored one is its 18-digit upgrade. */
      idNumberOriginal: string | undefined;
    }
  | { ok: false; problems: PersonProblem[] };

/**
 * Turns validated input into a storable row: checks it against the ID number and the code
 * tables, encrypts the sensitive values and derives the search keys. Shared by the form API and
 * the importer, so both accept and refuse exactly the same data.
 */
export function toPersonRow(ctx: AppContext, input: CreatePersonBody, id: string = newId()): PersonRowResult {
  const checked = checkPerson(
    {
      ...input,
      dates: {
        partyJoinDate: input.partyJoinDate,
        workStartDate: input.workStartDate,
        policeStartDate: input.policeStartDate,
        rankDate: input.rankDate,
        levelDate: input.levelDate,
      },
    },
    { today: today(ctx), policeNumberPattern: ctx.config.policeNumberPattern },
  );
  if (checked.problems.length > 0 || !checked.sex || !checked.birthDate) return { ok: false, problems: checked.problems };
  const { fieldCrypto, config } = ctx;
  const now = ctx.clock.now().toISOString();
  const keys = nameSearchKeys(input.name);
  const phone = input.phone?.replace(/\s|-/g, '');
  return {
    ok: true,
    warnings: checked.warnings,
    idNumberOriginal: checked.idNumberOriginal,
    row: {
      id,
      kind: input.kind,
      name: input.name.trim(),
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      former_names: JSON.stringify(input.formerNames ?? []),
      id_number_enc: fieldCrypto.encrypt(checked.idNumber),
      id_number_bidx: fieldCrypto.blindIndex('id_number', checked.idNumber),
      id_number_masked: maskIdNumber(checked.idNumber),
      id_number_original_enc: checked.idNumberOriginal ? fieldCrypto.encrypt(checked.idNumberOriginal) : null,
      sex: checked.sex,
      birth_date: checked.birthDate,
      ethnicity: checked.codes.ethnicity ?? null,
      political_status: checked.codes.politicalStatus ?? null,
      party_join_date: input.partyJoinDate ?? null,
      native_place: checked.codes.nativePlace ?? null,
      birthplace: checked.codes.birthplace ?? null,
      education: checked.codes.education ?? null,
      degree: input.degree ?? null,
      phone_enc: phone ? fieldCrypto.encrypt(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      photo: null,
      work_start_date: input.workStartDate ?? null,
      police_start_date: input.policeStartDate ?? null,
      police_number: input.policeNumber ?? null,
      org_id: input.orgId,
      post: input.post ?? null,
      rank: checked.codes.rank ?? null,
      rank_date: input.rankDate ?? null,
      officer_level: checked.codes.officerLevel ?? null,
      level_date: input.levelDate ?? null,
      post_level: input.postLevel ?? null,
      tech_level: checked.codes.techLevel ?? null,
      aux_category: input.auxCategory ?? null,
      contract_end: input.contractEnd ?? null,
      status: input.status ?? 'serving',
      status_date: null,
      city_code: config.cityCode,
      created_at: now,
      updated_at: now,
    },
  };
}

/** The first dated rows of a new person: membership of their unit, rank, level, post, status. */
export function initialHistory(row: PersonTable, startDate: string) {
  const base = { person_id: row.id, city_code: row.city_code, created_at: row.created_at };
  return {
    org: { ...base, id: newId(), org_id: row.org_id, post: row.post, start_date: startDate, end_date: null },
    rank: row.rank ? { ...base, id: newId(), rank: row.rank, start_date: row.rank_date ?? startDate, note: null } : undefined,
    level: row.officer_level
      ? // The grade line starts when the grade did (职级任职时间), not on the day the record was made or 入警.
        {
          ...base,
          id: newId(),
          sequence: 'officer' as const,
          level: row.officer_level,
          start_date: row.level_date ?? startDate,
          end_date: null,
        }
      : undefined,
    post: row.post ? { ...base, id: newId(), post: row.post, org_id: row.org_id, start_date: startDate, end_date: null } : undefined,
    status: { ...base, id: newId(), status: row.status, start_date: startDate, note: null },
  };
}
