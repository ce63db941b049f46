import { addDays, addMonths } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { accountPrincipal } from '../../platform/access/principal.ts';
import { accountActor, systemActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { completeActivity, createActivity } from './activity-service.ts';
import { createEssayContest, publishEssayContest, scoreEssays, submitEssay } from './essay-service.ts';
import { createSelection, createSelectionCampaign } from './selection-service.ts';

const everywhere: ResolvedScope = { all: true };

export interface DemoPartyBranch {
  readonly partyOrgId: string;
  readonly stationId: string;
  readonly stationName: string;
  /** The branch's serving officers, secretary first. */
  readonly people: readonly string[];
}

const ESSAYS = ['守护万家灯火', '社区里的红色印记', '一枚党徽的重量', '把初心写在警徽上'];

/**
 * Party activities of the demo branches, written through the services: a completed red-education
 * visit and a cadre class (hours on the participants' 学时 ledger), one planned visit, an essay
 * contest per branch (half judged and published), and a city 好党员 campaign on the exemplar
 * machinery with one nomination per branch, made by the branch's political staff account.
 */
export async function seedDemoPartyActivities(ctx: AppContext, branches: readonly DemoPartyBranch[]) {
  const on = today(ctx.clock);
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  let campaignId: string | null = null;
  let activities = 0;
  for (const [i, b] of branches.entries()) {
    const visit = await createActivity(ctx, everywhere, systemActor, {
      partyOrgId: b.partyOrgId,
      kind: 'red_visit',
      title: i % 2 === 0 ? '参观浙江革命烈士纪念馆' : '瞻仰南湖红船，重温入党誓词',
      date: addMonths(on, -2),
      place: i % 2 === 0 ? '杭州市西湖区' : '嘉兴市南湖区',
      description: '支部全体党员参加，重温入党誓词，交流学习体会。',
      hours: 4,
      participants: { personIds: [...b.people] },
    });
    await completeActivity(ctx, everywhere, systemActor, visit.id);
    const course = await createActivity(ctx, everywhere, systemActor, {
      partyOrgId: b.partyOrgId,
      kind: 'cadre_class',
      title: '基层党支部书记、党务干部培训班',
      date: addDays(on, -30),
      endDate: addDays(on, -28),
      place: '市局党校',
      hours: 16,
      participants: { personIds: b.people.slice(0, 2) },
    });
    await completeActivity(ctx, everywhere, systemActor, course.id);
    await createActivity(ctx, everywhere, systemActor, {
      partyOrgId: b.partyOrgId,
      kind: 'red_visit',
      title: '“七一”主题党日红色寻访',
      date: addDays(on, 20),
      place: '红色教育基地',
      hours: 0,
      participants: { orgIds: [b.stationId], includeSubUnits: false, kinds: ['officer'] },
    });
    activities += 3;

    const contest = await createEssayContest(ctx, everywhere, systemActor, {
      partyOrgId: b.partyOrgId,
      title: `“我为党旗添光彩”主题征文（${b.stationName}）`,
      theme: '讲述身边共产党员的故事，展现新时代公安民警忠诚担当。',
      startDate: addMonths(on, -1),
      endDate: addDays(on, 14),
    });
    for (const [j, personId] of b.people.slice(0, ESSAYS.length).entries())
      await submitEssay(ctx, everywhere, systemActor, contest.id, { personId, title: ESSAYS[j]! });
    if (i % 2 === 0) {
      const essays = (await ctx.db.selectFrom('party_essay').select('id').where('contest_id', '=', contest.id).orderBy('id').execute()).map(
        (e, j) => ({ essayId: e.id, score: 95 - j * 3 }),
      );
      await scoreEssays(ctx, everywhere, systemActor, contest.id, { scores: essays });
      await publishEssayContest(ctx, everywhere, systemActor, contest.id);
    }

    // The branch's political staff (demo-<branch>) nominate on the city campaign.
    const staff = await ctx.db
      .selectFrom('app_user as u')
      .innerJoin('org as s', 's.parent_id', 'u.org_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.org_id'])
      .where('s.id', '=', b.stationId)
      .where('u.username', 'like', 'demo-%')
      .where('u.person_id', 'is', null)
      .orderBy('u.username')
      .executeTakeFirst();
    if (!staff || !root) continue;
    const account = { userId: staff.id, username: staff.username, displayName: staff.display_name, orgId: staff.org_id };
    const principal = accountPrincipal(account, ['party:write']);
    campaignId ??= (
      await createSelectionCampaign(ctx, everywhere, principal, accountActor(account), {
        kind: 'good_member',
        title: `${on.slice(0, 4)}年度“好党员”评选`,
        year: Number(on.slice(0, 4)),
        criteria: '政治坚定、业务精湛、作风过硬，在急难险重任务中发挥先锋模范作用。',
        orgId: root.id,
        quotaPerUnit: 2,
        maxChoices: 3,
      })
    ).id;
    // The first member the award guards admit (a demo officer may be within a discipline period).
    for (const personId of b.people) {
      const made = await createSelection(ctx, everywhere, principal, accountActor(account), {
        campaignId,
        partyOrgId: b.partyOrgId,
        title: '扎根社区的“红色管家”',
        personId,
        reason: '带领支部党员化解矛盾纠纷百余起，群众满意度持续位居前列。',
      }).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'AWARD_GUARD_REFUSED') return null;
        throw e;
      });
      if (made) break;
    }
  }
  return { activities };
}
