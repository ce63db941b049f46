import type { Executor } from '../../db/database.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, ON_FORCE_STATUSES, today } from '../personnel/people.ts';
import { recordConsent } from './test-support.ts';
import { ingestReadings, registerDeviceFor } from './wearable-service.ts';

type Status = 'approved' | 'rejected' | 'cancelled';
type Person = { id: string; org_id: string; name: string };

/** Past leave kept on file (before the workflow era of this database): kind, start and end offsets in days, days, status. */
const LEAVES: [string, number, number, number, Status][] = [
  ['annual', -40, -36, 5, 'approved'],
  ['annual', 5, 9, 5, 'approved'],
  ['sick', -20, -18, 3, 'approved'],
  ['personal', 3, 3, 1, 'approved'],
  ['annual', 12, 16, 5, 'rejected'],
  ['marriage', 20, 22, 3, 'approved'],
  ['annual', 6, 7, 2, 'cancelled'],
  ['home_visit', -90, -71, 20, 'approved'],
];

const CARE: [string, string, number | null, 'open' | 'done'][] = [
  ['visit', '住院慰问', null, 'done'],
  ['condolence', '家属病故慰问', null, 'done'],
  ['injury', '因公负伤绿色通道：工伤认定材料', 20, 'open'],
  ['spouse_separation', '夫妻分居（团圆计划）调动协调', 60, 'open'],
  ['insurance', '家庭医疗互助保险参保', null, 'done'],
  ['childcare', '暑期托管班报名', null, 'open'],
  ['career', '职业生涯规划谈心', null, 'done'],
  ['care_group', '分局关爱工作小组季度例会', null, 'done'],
];

/** Psychological support cases as the module keeps them: source, risk, status, summary, sessions (days ago, note), outcome. */
const PSYCH: {
  source: 'self' | 'referral';
  risk: 'low' | 'medium';
  status: 'open' | 'closed';
  summary: string;
  sessions: [number, string][];
  next: number | null;
  outcome: string | null;
}[] = [
  {
    source: 'self',
    risk: 'low',
    status: 'open',
    summary: '近期连续夜班，入睡困难，希望有人聊聊如何调整作息。',
    sessions: [[5, '首次面谈：睡眠与作息调整建议，约定一周后回访。']],
    next: 4,
    outcome: null,
  },
  {
    source: 'referral',
    risk: 'medium',
    status: 'open',
    summary: '家属重病住院，情绪低落，工作中注意力不集中（所队教导员转介）。',
    sessions: [
      [16, '初次谈话：了解家庭情况，已协调所队调整近期勤务。'],
      [6, '第二次辅导：情绪较前平稳，家属病情好转。'],
    ],
    next: 2,
    outcome: null,
  },
  {
    source: 'referral',
    risk: 'low',
    status: 'closed',
    summary: '处置一起涉警舆情后压力较大，自述多梦易醒。',
    sessions: [
      [60, '首次辅导：压力来源梳理，放松训练。'],
      [46, '第二次辅导：睡眠改善。'],
      [32, '第三次辅导：状态平稳，同意结案。'],
    ],
    next: null,
    outcome: '经三次辅导，状态平稳，结案。',
  },
];

/** Officers of a branch (its whole subtree) on the force and without an account of their own: the demo's "other people". */
const branchPeople = (db: Executor, branchId: string, limit: number): Promise<Person[]> =>
  allPeople(db)
    .where('status', 'in', ON_FORCE_STATUSES)
    .where('kind', '=', 'officer')
    .where('org_id', 'in', db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', branchId))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('app_user').select('app_user.id').whereRef('app_user.person_id', '=', 'person.id'))),
    )
    .select(['id', 'org_id', 'name'])
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * Demo records for 从优待警 in every branch, once (a database with any leave row is left alone):
 * leave in several states, care records of every kind, psychological cases with their sessions,
 * and consenting wristband wearers whose readings raise alerts (one already acknowledged).
 * Each branch's political staff see their own. Synthetic people only.
 */
export async function seedDemoWelfare(ctx: AppContext, branchIds: readonly string[]): Promise<{ leaves: number; alerts: number }> {
  if (await ctx.db.selectFrom('leave_application').select('id').limit(1).executeTakeFirst()) return { leaves: 0, alerts: 0 };
  let leaves = 0;
  let alerts = 0;
  for (const [b, branchId] of branchIds.entries()) {
    const people = await branchPeople(ctx.db, branchId, 23);
    if (people.length < 4) continue;
    // Each branch starts the lists at a different person, so branches do not look alike.
    const at = (i: number) => people[(i + b) % people.length]!;
    leaves += await seedBranchRecords(ctx, at, b);
    alerts += await seedBranchWearers(ctx, [19, 20, 21, 22].map(at), b);
  }
  return { leaves, alerts };
}

async function seedBranchRecords(ctx: AppContext, at: (i: number) => Person, b: number): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const day = today(ctx);
  const shift = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const stamp = { city_code: ctx.config.cityCode, created_at: now, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, [kind, from, to, days, status]] of LEAVES.entries()) {
      await trx
        .insertInto('leave_application')
        .values({
          id: newId(),
          person_id: at(i).id,
          kind,
          start_date: shift(from),
          end_date: shift(to),
          days,
          counting: kind === 'home_visit' || kind === 'sick' ? 'calendar' : 'working',
          year: Number(shift(from).slice(0, 4)),
          reason: kind === 'home_visit' ? '探望父母' : kind === 'sick' ? '急性肠胃炎' : '处理家庭事务',
          home_visit_option: kind === 'home_visit' ? 'parents_married' : null,
          home_visit_relation: kind === 'home_visit' ? 'parents_married' : null,
          status,
          decided_at: now,
          cancelled_at: status === 'cancelled' ? now : null,
          created_by: null,
          ...stamp,
        })
        .execute();
    }
    for (const [i, [kind, title, deadline, status]] of CARE.entries()) {
      const p = at(8 + i);
      await trx
        .insertInto('care_record')
        .values({
          id: newId(),
          kind,
          org_id: p.org_id,
          person_id: kind === 'care_group' ? null : p.id,
          date: shift(-i * 7 - b),
          title,
          detail_enc: null,
          amount_fen: null,
          deadline: deadline === null ? null : shift(deadline),
          status,
          created_by: null,
          ...stamp,
        })
        .execute();
    }
    for (const [i, c] of PSYCH.entries()) {
      const id = newId();
      const opened = shift(-(c.sessions[0]?.[0] ?? 0) - 2);
      await trx
        .insertInto('psych_case')
        .values({
          id,
          person_id: at(16 + i).id,
          source: c.source,
          risk: c.risk,
          status: c.status,
          summary_enc: ctx.fieldCrypto.encrypt(c.summary),
          opened_by: null,
          opened_at: `${opened}T01:30:00.000Z`,
          next_date: c.next === null ? null : shift(c.next),
          closed_at: c.status === 'closed' ? now : null,
          outcome_enc: c.outcome === null ? null : ctx.fieldCrypto.encrypt(c.outcome),
          ...stamp,
        })
        .execute();
      for (const [n, [ago, note]] of c.sessions.entries()) {
        const last = n === c.sessions.length - 1;
        await trx
          .insertInto('psych_entry')
          .values({
            id: newId(),
            case_id: id,
            kind: 'session',
            date: shift(-ago),
            note_enc: ctx.fieldCrypto.encrypt(note),
            next_date: last && c.next !== null ? shift(c.next) : last ? null : shift(-(c.sessions[n + 1]?.[0] ?? 0)),
            by_user: null,
            by_name: '心理辅导员',
            city_code: ctx.config.cityCode,
            created_at: now,
          })
          .execute();
      }
    }
  });
  return LEAVES.length;
}

/**
 * Four consenting wearers: two with a sustained high resting heart rate (the first already
 * acknowledged by the care contact), one with raised blood pressure on three days, one normal.
 */
async function seedBranchWearers(ctx: AppContext, wearers: Person[], b: number): Promise<number> {
  const nowMs = ctx.clock.now().getTime();
  const minutesAgo = (m: number) => new Date(nowMs - m * 60_000).toISOString();
  let alerts = 0;
  let first: string | undefined;
  for (const [i, p] of wearers.entries()) {
    await recordConsent(ctx, p.id);
    const serial = `DEMO-HW-${String(b * 4 + i + 1).padStart(4, '0')}`;
    const device = await registerDeviceFor(ctx, systemActor, p.id, { serial, model: '华为手环 9' });
    const heart = [9, 8, 7, 6, 5].map((m) => ({ kind: 'heart_rate' as const, at: minutesAgo(m), value: i < 2 ? 126 + m + b : 70 + m }));
    const pressure = [2, 1, 0].map((d, n) => ({
      kind: 'blood_pressure' as const,
      at: minutesAgo(d * 1440 + 30),
      value: i === 2 ? 142 + n : 118 + n,
      value2: i === 2 ? 92 - n : 76,
    }));
    const raised = (await ingestReadings(ctx, device.token, { readings: [...pressure, ...heart] })).alerts;
    alerts += raised;
    if (i === 0 && raised > 0)
      first = (await ctx.db.selectFrom('wearable_alert').select('id').where('device_id', '=', device.id).orderBy('id').executeTakeFirst())
        ?.id;
  }
  if (first) {
    await ctx.db
      .updateTable('wearable_alert')
      .set({
        status: 'acknowledged',
        acknowledged_at: ctx.clock.now().toISOString(),
        acknowledged_by_name: '分局关爱联络员',
        note: '已电话联系本人，安排近期复查。',
      })
      .where('id', '=', first)
      .execute();
  }
  return alerts;
}
