import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { addTrainingRecord } from '../personnel/people.ts';
import type { StudyRecordTable } from './tables.ts';

/** Writes an approved study record onto the person's 学时 ledger (source study, linked by id). */
export async function creditStudyHours(
  trx: Trx,
  ctx: AppContext,
  r: Pick<StudyRecordTable, 'id' | 'person_id' | 'date' | 'title' | 'hours'>,
): Promise<void> {
  await addTrainingRecord(trx, ctx, {
    personId: r.person_id,
    date: r.date,
    course: r.title,
    hours: r.hours,
    organizer: null,
    source: 'study',
    refId: r.id,
  });
}
