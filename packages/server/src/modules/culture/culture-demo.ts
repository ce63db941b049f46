import { addDays } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople } from '../personnel/people.ts';
import { collectionDetail, createCollection, reviewWork, submitMyWork } from './collection-service.ts';
import { contestDetail, createContest, publishContest, scoreEntry, submitMyEntry } from './contest-service.ts';
import { createProgramme, programmeDetail, publishProgramme, recordParticipation, register, type Me } from './programme-service.ts';

const everywhere: ResolvedScope = { all: true };

const ESSAYS = [
  ['守护万家灯火', '深夜的街巷里，巡逻车的警灯一闪一闪。我们走过的每一步，都是群众安睡的理由。'],
  ['我的第一次出警', '那是一个下着小雨的清晨，报警电话里传来老人焦急的声音。'],
  ['警徽在胸前', '入警宣誓那天，我把警徽别在胸前，也把责任放在了心上。'],
  ['社区里的“老娘舅”', '调解一场邻里纠纷，靠的不是嗓门，而是耐心和一杯热茶。'],
  ['雨夜卡口', '雨越下越大，卡口的灯光照亮了每一辆驶过的车。'],
] as const;

/**
 * Police culture in the demo bureau, once (nothing when any programme exists): in every branch a
 * reading month and a running challenge open to the whole branch with registrations (the branch's
 * demo officers among them) and participation recorded, a draft sports event, an essay contest
 * judged by three officers with its ranking published, and a collection of works, some accepted
 * and one returned.
 */
export async function seedDemoCulture(
  ctx: AppContext,
  branches: readonly { id: string; shortName: string }[],
): Promise<{ programmes: number; entries: number; works: number }> {
  const none = { programmes: 0, entries: 0, works: 0 };
  if (await ctx.db.selectFrom('culture_programme').select('id').limit(1).executeTakeFirst()) return none;
  const on = today(ctx.clock);
  const counts = { ...none };
  for (const b of branches) {
    const accounts = await ctx.db
      .selectFrom('app_user as u')
      .innerJoin('org_closure as c', 'c.descendant_id', 'u.org_id')
      .select('u.person_id')
      .where('c.ancestor_id', '=', b.id)
      .where('u.username', 'like', 'demo-%-mj%')
      .where('u.person_id', 'is not', null)
      .execute();
    const demoIds = new Set(accounts.map((a) => a.person_id));
    const serving = await ctx.db
      .selectFrom(allPeople(ctx.db).as('p'))
      .innerJoin('org_closure as c', 'c.descendant_id', 'p.org_id')
      .select(['p.id', 'p.org_id', 'p.name'])
      .where('c.ancestor_id', '=', b.id)
      .where('p.kind', '=', 'officer')
      .where('p.status', '=', 'serving')
      .orderBy('p.name_pinyin')
      .limit(40)
      .execute();
    // The branch's demo officers first, so their own pages show registrations, entries and works.
    const people: Me[] = [...serving.filter((p) => demoIds.has(p.id)), ...serving.filter((p) => !demoIds.has(p.id))].slice(0, 11);
    if (people.length < 8) continue;
    const [entrants, judges] = [people.slice(0, 5), people.slice(5, 8)];
    const target = { orgIds: [b.id] };

    const reading = await createProgramme(ctx, everywhere, systemActor, {
      title: `${b.shortName}“书香警营”读书月`,
      kind: 'reading',
      orgId: b.id,
      startDate: addDays(on, -10),
      endDate: addDays(on, 20),
      deadline: addDays(on, 5),
      capacity: 30,
      target,
      description: '每人精读一本书，撰写读书笔记，月底举办读书分享会。',
    });
    const running = await createProgramme(ctx, everywhere, systemActor, {
      title: `${b.shortName}健步走挑战赛`,
      kind: 'fitness',
      orgId: b.id,
      startDate: addDays(on, -20),
      endDate: addDays(on, 10),
      deadline: addDays(on, 3),
      capacity: 8,
      target,
      description: '以里程计，每周不少于 20 公里。',
    });
    await createProgramme(ctx, everywhere, systemActor, {
      title: `${b.shortName}警营篮球联赛`,
      kind: 'sports',
      orgId: b.id,
      startDate: addDays(on, 30),
      endDate: addDays(on, 45),
      deadline: addDays(on, 25),
      capacity: 12,
      target,
    });
    counts.programmes += 3;
    for (const g of [reading, running]) {
      await publishProgramme(ctx, everywhere, systemActor, g.id);
      for (const p of people.slice(0, g.id === reading.id ? 7 : 6)) await register(ctx, systemActor, p, g.id);
    }
    const regs = (await programmeDetail(ctx, everywhere, running.id)).registrations;
    await recordParticipation(ctx, everywhere, systemActor, running.id, {
      records: regs.map((r, i) => ({ registrationId: r.id, attended: i % 4 !== 3, amount: i % 4 !== 3 ? 20 + i * 7.5 : null })),
    });

    const contest = await createContest(ctx, everywhere, systemActor, {
      title: `${b.shortName}“忠诚卫士”主题征文比赛`,
      orgId: b.id,
      entryDeadline: addDays(on, 10),
      judgePersonIds: judges.map((j) => j.id),
      description: '围绕忠诚、为民、担当主题，体裁不限，2000 字以内。',
    });
    const entries = [];
    for (const [i, p] of entrants.entries()) {
      const [title, text] = ESSAYS[i % ESSAYS.length]!;
      entries.push(await submitMyEntry(ctx, systemActor, p, contest.id, { title, text }));
    }
    for (const [i, e] of entries.entries())
      for (const [j, judge] of judges.entries()) await scoreEntry(ctx, systemActor, judge, e.id, 95 - i * 3 - j * 1.5 + ((i + j) % 2));
    await publishContest(ctx, everywhere, systemActor, contest.id);
    counts.entries += (await contestDetail(ctx, everywhere, contest.id)).entries.length;

    const collection = await createCollection(ctx, everywhere, systemActor, {
      title: `${b.shortName}民警原创作品集`,
      orgId: b.id,
      description: '收录本年度民警创作的散文、诗歌与摄影作品。',
    });
    for (const [i, p] of entrants.entries()) {
      const [title, text] = ESSAYS[(i + 2) % ESSAYS.length]!;
      const w = await submitMyWork(ctx, systemActor, p, collection.id, { title, text: `${text}\n（${p.name}）` });
      if (i < 3) await reviewWork(ctx, everywhere, systemActor, w.id, { decision: 'accepted' });
      else if (i === 3) await reviewWork(ctx, everywhere, systemActor, w.id, { decision: 'returned', note: '篇幅过短，请充实内容后重投' });
    }
    counts.works += (await collectionDetail(ctx, everywhere, collection.id)).works.length;
  }
  return counts;
}
