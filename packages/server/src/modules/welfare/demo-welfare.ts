import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, ON_FORCE_STATUSES, today } from '../personnel/people.ts';
import { recordConsent } from './test-support.ts';
import { ingestReadings, registerDeviceFor } from './wearable-service.ts';

/**
 * Demo records for 从优待警, once (a database with any leave row is left alone): leave in several
 * states, consenting wristband wearers with one open and one acknowledged alert, psychological
 * cases, and care records of every kind. Synthetic people only.
 */
export async function seedDemoWelfare(ctx: AppContext): Promise<{ leaves: number; alerts: number }> {
  if (await ctx.db.selectFrom('leave_application').select('id').limit(1).executeTakeFirst()) return { leaves: 0, alerts: 0 };
  const people = await allPeople(ctx.db)
    .where('status', 'in', ON_FORCE_STATUSES)
    .where('kind', '=', 'officer')
    .select(['id', 'org_id', 'name'])
    .orderBy('id')
    .limit(24)
    .execute();
  if (people.length < 12) return { leaves: 0, alerts: 0 };
  const now = ctx.clock.now().toISOString();
  const day = today(ctx);
  const shift = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const plans: [string, number, number, number, 'approved' | 'rejected' | 'cancelled'][] = [
    ['annual', -40, -36, 5, 'approved'],
    ['annual', 5, 9, 5, 'approved'],
    ['sick', -20, -18, 3, 'approved'],
    ['personal', 3, 3, 1, 'approved'],
    ['annual', 12, 16, 5, 'rejected'],
    ['marriage', 20, 22, 3, 'approved'],
    ['annual', 6, 7, 2, 'cancelled'],
    ['home_visit', -90, -71, 20, 'approved'],
  ];
  let leaves = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, [kind, from, to, days, status]] of plans.entries()) {
      const p = people[i]!;
      await trx
        .insertInto('leave_application')
        .values({
          id: newId(),
          person_id: p.id,
          kind,
          start_date: shift(from),
          end_date: shift(to),
          days,
          counting: kind === 'home_visit' || kind === 'sick' ? 'calendar' : 'working',
          year: Number(shift(from).slice(0, 4)),
          reason: '示例数据',
          home_visit_option: kind === 'home_visit' ? 'parents_married' : null,
          home_visit_relation: kind === 'home_visit' ? 'parents_married' : null,
          status,
          decided_at: now,
          cancelled_at: status === 'cancelled' ? now : null,
          created_by: null,
          city_code: ctx.config.cityCode,
          created_at: now,
          updated_at: now,
        })
        .execute();
      leaves += 1;
    }
    const care: [string, string, string | null, 'open' | 'done'][] = [
      ['visit', '住院慰问', null, 'done'],
      ['condolence', '家属病故慰问', null, 'done'],
      ['injury', '因公负伤绿色通道：工伤认定材料', shift(20), 'open'],
      ['spouse_separation', '夫妻分居（团圆计划）调动协调', shift(60), 'open'],
      ['insurance', '家庭医疗互助保险参保', null, 'done'],
      ['childcare', '暑期托管班报名', null, 'open'],
      ['career', '职业生涯规划谈心', null, 'done'],
      ['care_group', '分局关爱工作小组季度例会', null, 'done'],
    ];
    for (const [i, [kind, title, deadline, status]] of care.entries()) {
      const p = people[8 + i]!;
      await trx
        .insertInto('care_record')
        .values({
          id: newId(),
          kind,
          org_id: p.org_id,
          person_id: kind === 'care_group' ? null : p.id,
          date: shift(-i * 7),
          title,
          detail_enc: null,
          amount_fen: null,
          deadline,
          status,
          created_by: null,
          city_code: ctx.config.cityCode,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [i, status] of (['open', 'closed'] as const).entries()) {
      const p = people[16 + i]!;
      await trx
        .insertInto('psych_case')
        .values({
          id: newId(),
          person_id: p.id,
          source: i === 0 ? 'self' : 'referral',
          risk: i === 0 ? 'low' : 'medium',
          status,
          summary_enc: ctx.fieldCrypto.encrypt(i === 0 ? '近期夜班较多，睡眠不好（示例）' : '家庭变故后情绪低落（示例）'),
          opened_by: null,
          opened_at: now,
          next_date: status === 'open' ? shift(7) : null,
          closed_at: status === 'closed' ? now : null,
          outcome_enc: status === 'closed' ? ctx.fieldCrypto.encrypt('状态平稳，结案（示例）') : null,
          city_code: ctx.config.cityCode,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  let alerts = 0;
  const nowMs = ctx.clock.now().getTime();
  for (const [i, p] of people.slice(18, 22).entries()) {
    await recordConsent(ctx, p.id);
    const device = await registerDeviceFor(ctx, systemActor, p.id, { serial: `DEMO-HW-${String(i + 1).padStart(4, '0')}` });
    const high = i < 2;
    const readings = [9, 8, 7, 6, 5].map((m) => ({
      kind: 'heart_rate' as const,
      at: new Date(nowMs - m * 60_000).toISOString(),
      value: high ? 128 + m : 72 + m,
    }));
    alerts += (await ingestReadings(ctx, device.token, { readings })).alerts;
  }
  const first = await ctx.db.selectFrom('wearable_alert').select('id').orderBy('id').executeTakeFirst();
  if (first) {
    await ctx.db
      .updateTable('wearable_alert')
      .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by_name: '关爱联络员（示例）', note: '已电话联系本人（示例）' })
      .where('id', '=', first.id)
      .execute();
  }
  return { leaves, alerts };
}
