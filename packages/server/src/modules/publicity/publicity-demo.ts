import { addDays, type OutletLevel, type OutputKind } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople } from '../personnel/people.ts';
import { addRelease, createIncident } from './incident-service.ts';
import { rejectOutput, submitOutput, verifyOutput } from './output-service.ts';
import { addReporter, createAccount } from './team-service.ts';

const everywhere: ResolvedScope = { all: true };

/**
 * Publicity in the demo bureau, once (nothing when any reporter exists): two reporters per branch
 * for the first branches, outputs this month and last in every state, official accounts for all
 * branches but the last (so the registry shows the gap), and one incident released in step.
 */
export async function seedDemoPublicity(ctx: AppContext): Promise<{ reporters: number; outputs: number }> {
  if (await ctx.db.selectFrom('publicity_reporter').select('id').limit(1).executeTakeFirst()) return { reporters: 0, outputs: 0 };
  const on = today(ctx.clock);
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (!root) return { reporters: 0, outputs: 0 };
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', '=', root.id)
    .where('is_unit', '=', 1)
    .orderBy('code')
    .execute();
  let reporters = 0;
  let outputs = 0;
  const plan: [OutputKind, OutletLevel, string][] = [
    ['article', 'provincial', '浙江法制报'],
    ['new_media', 'own', '平安微信公众号'],
    ['photo', 'municipal', '市日报'],
    ['video', 'central', '人民公安报'],
  ];
  for (const [i, b] of branches.slice(0, 4).entries()) {
    const people = await ctx.db
      .selectFrom(allPeople(ctx.db).as('p'))
      .innerJoin('org_closure as c', 'c.descendant_id', 'p.org_id')
      .select(['p.id', 'p.name'])
      .where('c.ancestor_id', '=', b.id)
      .where('p.kind', '=', 'officer')
      .where('p.status', '=', 'serving')
      .orderBy('p.name_pinyin')
      .limit(2)
      .execute();
    for (const [j, p] of people.entries()) {
      await addReporter(ctx, everywhere, systemActor, {
        personId: p.id,
        role: j === 0 ? 'full_time' : 'part_time',
        since: addDays(on, -300),
      });
      reporters += 1;
      for (const [k, [kind, level, outlet]] of plan.entries()) {
        if ((i + j + k) % 3 === 2) continue;
        const out = await submitOutput(ctx, everywhere, systemActor, {
          personId: p.id,
          kind,
          level,
          outlet,
          title: `${b.name}${['护航平安建设', '警营开放日', '反诈宣传进社区', '夜巡守护'][k]}`,
          publishedOn: addDays(on, -3 - k * 9 - i),
          lead: k === 0 && j === 0,
        });
        outputs += 1;
        if (k === 3 && j === 1) await rejectOutput(ctx, everywhere, systemActor, null, out.id, '未提供刊发截图');
        else if ((i + k) % 4 !== 1) await verifyOutput(ctx, everywhere, systemActor, null, out.id, {});
      }
    }
    if (i < branches.length - 1) {
      await createAccount(ctx, everywhere, systemActor, {
        orgId: b.id,
        platform: 'wechat_official',
        name: `平安${b.name.replace(/分局$/, '')}`,
        verified: true,
        operatorPersonId: people[0]?.id ?? null,
        reviewerPersonId: people[1]?.id ?? null,
      });
    }
  }
  if (branches[0]) {
    const occurred = new Date(Date.parse(`${addDays(on, -2)}T01:00:00.000Z`));
    const incident = await createIncident(ctx, everywhere, systemActor, {
      orgId: branches[0].id,
      title: '某路口多车追尾事故',
      occurredAt: occurred.toISOString(),
    });
    const at = (h: number) => new Date(occurred.getTime() + h * 3_600_000).toISOString();
    await addRelease(ctx, everywhere, systemActor, incident.id, { kind: 'first', at: at(3), summary: '通报事故基本情况及交通管制措施' });
    await addRelease(ctx, everywhere, systemActor, incident.id, { kind: 'update', at: at(20), summary: '通报伤员救治与事故调查进展' });
    await addRelease(ctx, everywhere, systemActor, incident.id, { kind: 'closure', at: at(40), summary: '通报事故责任认定结果' });
  }
  return { reporters, outputs };
}
