import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { scopedPeopleOnForce } from '../personnel/people.ts';
import { addEntry, addItem, createEvent } from './event-service.ts';
import { publishEvent } from './ranking-service.ts';
import { saveScores } from './score-service.ts';

export interface DemoCompetitionBranch {
  readonly id: string;
  readonly shortName: string;
}

const MARK = '警务实战技能大比武';

interface ItemPlan {
  readonly name: string;
  readonly kind: 'individual' | 'team';
  readonly direction: 'higher' | 'lower';
  readonly unit: string;
  /** A plausible score for the n-th entry (spread, so the ranking has a clear order). */
  readonly score: (n: number) => number;
}

const skills: readonly ItemPlan[] = [
  { name: '手枪速射（25米）', kind: 'individual', direction: 'higher', unit: '环', score: (n) => 96 - ((n * 7) % 19) },
  { name: '3000米跑', kind: 'individual', direction: 'lower', unit: '秒', score: (n) => 700 + ((n * 37) % 160) },
  { name: '警务战术综合演练', kind: 'team', direction: 'higher', unit: '分', score: (n) => 92.5 - n * 3.5 },
];

const casework: readonly Omit<ItemPlan, 'score'>[] = [
  { name: '法律知识笔试', kind: 'individual', direction: 'higher', unit: '分' },
  { name: '案卷制作', kind: 'individual', direction: 'higher', unit: '分' },
];

/**
 * 比武竞赛 of every branch, once (the skills contest marks it done): this year's skills contest
 * with entries from the branch's units, scored and published (results reach the people's
 * records), and a casework contest with entries still open for scoring. Events are scoped by
 * their organiser org, so each branch sees its own.
 */
export async function seedCompetitionsDemo(ctx: AppContext, branches: readonly DemoCompetitionBranch[]): Promise<number> {
  if (await ctx.db.selectFrom('competition_event').select('id').where('title', 'like', `%${MARK}`).executeTakeFirst()) return 0;
  const year = ctx.clock.now().getUTCFullYear();
  let events = 0;
  for (const branch of branches) {
    const scope: ResolvedScope = { all: false, orgIds: [], subtreeRoots: [branch.id], selfUserId: null };
    const people = await scopedPeopleOnForce(ctx.db, scope).where('kind', '=', 'officer').select(['id', 'org_id']).orderBy('id').execute();
    // Units with at least three officers field a team; individual entries come from the same units.
    const byUnit = new Map<string, string[]>();
    for (const p of people) byUnit.set(p.org_id, [...(byUnit.get(p.org_id) ?? []), p.id]);
    const units = [...byUnit.entries()].filter(([, ids]) => ids.length >= 3).slice(0, 4);
    if (units.length < 2) continue;

    const contest = await createEvent(ctx, scope, systemActor, {
      title: `${branch.shortName}${year}年${MARK}`,
      level: 'branch',
      orgId: branch.id,
      startDate: `${year}-05-20`,
      endDate: `${year}-05-22`,
      description: '以赛促训、以赛促战：射击、体能、警务战术三个项目，各所队选派精干力量参赛。',
      countedPerUnit: 2,
    });
    const scores: { entryId: string; score: number }[] = [];
    for (const plan of skills) {
      const item = await addItem(ctx, scope, systemActor, contest.id, {
        name: plan.name,
        kind: plan.kind,
        direction: plan.direction,
        unit: plan.unit,
        ...(plan.kind === 'team' ? { maxTeamSize: 3 } : {}),
      });
      let n = 0;
      for (const [orgId, ids] of units) {
        const entrants = plan.kind === 'team' ? [ids.slice(0, 3)] : [[ids[0] as string], [ids[1] as string]];
        for (const personIds of entrants) {
          const entry = await addEntry(ctx, scope, systemActor, contest.id, { itemId: item.id, orgId, personIds });
          scores.push({ entryId: entry.id, score: plan.score(n++) });
        }
      }
    }
    await saveScores(ctx, scope, systemActor, contest.id, { scores });
    await publishEvent(ctx, scope, systemActor, contest.id);

    const cases = await createEvent(ctx, scope, systemActor, {
      title: `${branch.shortName}${year}年执法办案技能竞赛`,
      level: 'branch',
      orgId: branch.id,
      startDate: `${year}-11-26`,
      endDate: `${year}-12-18`,
      description: '笔试与案卷制作两个项目，成绩待评审录入。',
    });
    for (const plan of casework) {
      const item = await addItem(ctx, scope, systemActor, cases.id, plan);
      for (const [orgId, ids] of units)
        await addEntry(ctx, scope, systemActor, cases.id, { itemId: item.id, orgId, personIds: [ids[2] as string] });
    }
    events += 2;
  }
  return events;
}
