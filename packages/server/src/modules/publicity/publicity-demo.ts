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

/** What the branches' reporters wrote about (after the branch's short name). */
const TOPICS = [
  '：反诈宣传进社区 守护群众“钱袋子”',
  '举办警营开放日 百名师生走进派出所',
  '深夜巡逻 守护城市安宁',
  '民警跳江勇救落水群众',
  '“枫桥式”派出所调解邻里纠纷',
  '护航开学季 护学岗准时上岗',
  '破获系列盗窃电瓶车案 追回赃车二十余辆',
  '交警冒雨疏导交通保畅通',
];

/**
 * Publicity in the demo bureau, once (nothing when any reporter exists): two reporters in every
 * branch, outputs of the last weeks in every state (each branch with some waiting for
 * verification, the list's default filter), official accounts for all branches but the last (so
 * the registry shows the gap), and one incident released in step.
 */
export async function seedDemoPublicity(ctx: AppContext): Promise<{ reporters: number; outputs: number }> {
  if (await ctx.db.selectFrom('publicity_reporter').select('id').limit(1).executeTakeFirst()) return { reporters: 0, outputs: 0 };
  const on = today(ctx.clock);
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (!root) return { reporters: 0, outputs: 0 };
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'short_name'])
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
  for (const [i, b] of branches.entries()) {
    const short = b.short_name ?? b.name;
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
    // Six outputs a branch or so: two waiting for verification (the default filter), one rejected, the rest verified.
    let m = 0;
    for (const [j, p] of people.entries()) {
      await addReporter(ctx, everywhere, systemActor, {
        personId: p.id,
        role: j === 0 ? 'full_time' : 'part_time',
        since: addDays(on, -300),
      });
      reporters += 1;
      for (const [k, [kind, level, outlet]] of plan.entries()) {
        if ((i + j + k) % 4 === 3) continue;
        const out = await submitOutput(ctx, everywhere, systemActor, {
          personId: p.id,
          kind,
          level,
          outlet,
          title: `${short}${TOPICS[(i * 2 + j * 3 + k) % TOPICS.length]}`,
          publishedOn: addDays(on, -2 - k * 9 - j * 4 - (i % 5)),
          lead: k === 0 && j === 0,
        });
        outputs += 1;
        if (m === 4) await rejectOutput(ctx, everywhere, systemActor, null, out.id, '未提供刊发截图');
        else if (m !== 0 && m !== 3) await verifyOutput(ctx, everywhere, systemActor, null, out.id, {});
        m += 1;
      }
    }
    if (i < branches.length - 1) {
      await createAccount(ctx, everywhere, systemActor, {
        orgId: b.id,
        platform: 'wechat_official',
        name: `平安${short.replace(/分局$/, '')}`,
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
