import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { accountPrincipal, type Principal } from '../../platform/access/principal.ts';
import { accountActor, systemActor } from '../../platform/audit/audit-service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { approveCase, rejectCase } from '../../platform/workflow/actions.ts';
import { caseIdsFor, ensureDefinitions } from '../../platform/workflow/engine.ts';
import { caseKind } from '../../platform/workflow/registry.ts';
import { createCampaign } from './campaign-service.ts';
import { createMaterial } from './material-service.ts';
import { declareStudy } from './record-service.ts';
import { STUDY_RECORD_KIND } from './study-workflow.ts';

export interface DemoStudyBranch {
  readonly id: string;
  readonly shortName: string;
}

export interface DemoStudyOfficer {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
}

const MARK = '全面从严治警主题教育';

const materials: readonly { title: string; url: string; hours: number; minutes: number; campaign: 0 | 1 | null; description: string }[] = [
  {
    title: '《中华人民共和国人民警察法》条文精读',
    url: 'https://www.mps.gov.cn/',
    hours: 2,
    minutes: 30,
    campaign: 0,
    description: '逐条学习人民警察的职责、义务和纪律，结合本单位执法实际撰写心得。',
  },
  {
    title: '公安机关人民警察内务条令',
    url: 'https://www.mps.gov.cn/',
    hours: 2,
    minutes: 30,
    campaign: 0,
    description: '着装、礼节、警容风纪和内务管理要求。',
  },
  {
    title: '典型违纪违法案例警示教育（汇编节选）',
    url: 'https://www.ccdi.gov.cn/',
    hours: 1.5,
    minutes: 20,
    campaign: 0,
    description: '以案为鉴、以案促改，开展警示教育。',
  },
  {
    title: '党的二十届四中全会公报',
    url: 'https://www.news.cn/',
    hours: 1,
    minutes: 15,
    campaign: 1,
    description: '原原本本学习全会公报，把握精神实质。',
  },
  {
    title: '新时代公安机关人民警察职业道德规范',
    url: 'https://www.12371.cn/',
    hours: 1,
    minutes: 15,
    campaign: null,
    description: '对党忠诚、服务人民、执法公正、纪律严明。',
  },
];

const fixedAt = (at: Date): Clock => ({ now: () => new Date(at) });
const principalOf = (u: DemoStudyOfficer): Principal => accountPrincipal(u, ['study:self']);
const actorOf = (userId: string, username: string) => accountActor({ userId, username });

/**
 * 学习教育 of every branch, once (the year's 主题教育 campaign marks it done): two campaigns, study
 * materials (links to the published texts) and, for officers with accounts, self-declared hours
 * decided through the workflow by the branch's approver — approved, rejected and still pending.
 */
export async function seedStudyDemo(
  ctx: AppContext,
  branches: readonly DemoStudyBranch[],
  officers: readonly DemoStudyOfficer[],
): Promise<{ campaigns: number; records: number }> {
  if (await ctx.db.selectFrom('study_campaign').select('id').where('title', 'like', `%${MARK}`).executeTakeFirst())
    return { campaigns: 0, records: 0 };
  const year = ctx.clock.now().getUTCFullYear();
  let campaigns = 0;
  for (const branch of branches) {
    const scope: ResolvedScope = { all: false, orgIds: [], subtreeRoots: [branch.id], selfUserId: null };
    const yearly = await createCampaign(ctx, scope, systemActor, {
      title: `${branch.shortName}${year}年度${MARK}`,
      orgId: branch.id,
      startDate: `${year}-03-01`,
      endDate: `${year}-12-31`,
      requiredHours: 20,
      description: '坚持政治建警、改革强警、科技兴警、从严治警，全体民警年内完成不少于20学时的学习。',
      target: { orgIds: [branch.id], kinds: ['officer'] },
    });
    const plenum = await createCampaign(ctx, scope, systemActor, {
      title: `${branch.shortName}学习贯彻党的二十届四中全会精神专题学习`,
      orgId: branch.id,
      startDate: `${year}-11-01`,
      endDate: `${year + 1}-01-31`,
      requiredHours: 8,
      target: { orgIds: [branch.id] },
    });
    campaigns += 2;
    const ids = [yearly.id, plenum.id];
    for (const m of materials)
      await createMaterial(ctx, scope, systemActor, {
        title: m.title,
        kind: 'link',
        orgId: branch.id,
        url: m.url,
        hours: m.hours,
        minReadMinutes: m.minutes,
        description: m.description,
        campaignId: m.campaign === null ? null : ids[m.campaign],
      });
  }
  return { campaigns, records: await declareAndDecide(ctx, officers, year) };
}

/** Each officer declares three pieces of study; the first is approved, the second rejected, the third waits. */
async function declareAndDecide(ctx: AppContext, officers: readonly DemoStudyOfficer[], year: number): Promise<number> {
  if (officers.length === 0) return 0;
  await ensureDefinitions(ctx, [caseKind(STUDY_RECORD_KIND)]);
  const now = ctx.clock.now().getTime();
  const date = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const campaign = await ctx.db
    .selectFrom('study_campaign')
    .select(['id', 'org_id'])
    .where('title', 'like', `%${year}年度${MARK}`)
    .execute();
  let records = 0;
  for (const officer of officers) {
    const who = principalOf(officer);
    const declared = [
      { daysAgo: 12, hours: 3, title: '参加分局“政治建警”专题辅导讲座', note: '政治处组织，现场签到' },
      { daysAgo: 9, hours: 4, title: '自学《公安机关执法细则》', note: '未附学习笔记' },
      { daysAgo: 2, hours: 2, title: '观看警示教育片《镜鉴》', note: '支部集中观看' },
    ];
    const refIds: string[] = [];
    for (const [i, { daysAgo, ...body }] of declared.entries()) {
      const at = { ...ctx, clock: fixedAt(new Date(now - daysAgo * 86_400_000 + 10 * 3_600_000)) };
      const mine = i === 0 ? await campaignFor(ctx, officer.orgId, campaign) : undefined;
      const fields = { ...body, date: date(daysAgo), campaignId: mine ?? null };
      refIds.push((await declareStudy(at, who, actorOf(officer.userId, officer.username), fields)).id);
      records += 1;
    }
    const cases = await caseIdsFor(ctx.db, STUDY_RECORD_KIND, refIds);
    for (const [i, refId] of refIds.slice(0, 2).entries()) {
      const caseId = cases.get(refId);
      if (!caseId) continue;
      const task = await ctx.db
        .selectFrom('wf_task')
        .select('user_id')
        .where('case_id', '=', caseId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      const approver =
        task && (await ctx.db.selectFrom('app_user').select(['id', 'username']).where('id', '=', task.user_id).executeTakeFirst());
      if (!approver) continue;
      const actor = actorOf(approver.id, approver.username);
      if (i === 0) await approveCase(ctx, actor, caseId, '属实，同意计入学时');
      else await rejectCase(ctx, actor, caseId, '请补充学习笔记后重新申报');
    }
  }
  return records;
}

/** The year's campaign of the officer's branch, when the officer is among its participants. */
async function campaignFor(ctx: AppContext, orgId: string, campaigns: readonly { id: string; org_id: string }[]) {
  const row = await ctx.db
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', orgId)
    .where('ancestor_id', 'in', campaigns.map((c) => c.org_id).concat(['']))
    .executeTakeFirst();
  return campaigns.find((c) => c.org_id === row?.ancestor_id)?.id;
}
