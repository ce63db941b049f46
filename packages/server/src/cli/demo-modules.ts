import type { AppContext } from '../platform/context.ts';
import { DEMO_ROOT_CODE } from './demo-orgs.ts';
import { DEMO_CITY_USER } from './demo-seed.ts';

/**
 * Each business module's part of the demo bureau, run after the tree, the people and the demo
 * accounts exist. Every part is idempotent and returns a line for the console (null: already
 * there). A module adds its part here; parts run in order, so later modules may read earlier ones.
 */
export async function seedDemoModules(ctx: AppContext): Promise<string[]> {
  const root = await ctx.db.selectFrom('org').select('id').where('code', '=', DEMO_ROOT_CODE).executeTakeFirst();
  if (!root) return [];
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'short_name as shortName'])
    .where('parent_id', '=', root.id)
    .where('type', '=', 'branch')
    .orderBy('sort_order')
    .execute();
  const branchIds = branches.map((b) => b.id);
  const demoBranches = branches.map((b) => ({ id: b.id, shortName: b.shortName ?? b.name }));
  const officers = await ctx.db
    .selectFrom('app_user')
    .select(['id as userId', 'username', 'display_name as displayName', 'org_id as orgId'])
    .where('username', 'like', 'demo-%-mj%')
    .where('person_id', 'is not', null)
    .orderBy('username')
    .execute();
  // The learning modules fill every branch (measured: about 6 s of CPU for the nine branches without officers' accounts).
  const showcase = demoBranches;
  const lines: (string | null)[] = [];
  const { seedExamsDemo } = await import('../modules/exams/demo.ts');
  const { seedSampleQuestionBank } = await import('../modules/question-bank/sample-bank.ts');
  const { seedBranchPapers } = await import('../modules/question-bank/demo-papers.ts');
  // The city's bank, shared read-only with every branch, which composes its own papers from it.
  let bank: Promise<{ bankId: string; questionIds: string[] }> | undefined;
  const papers = async (branch: { id: string; shortName: string }) =>
    seedBranchPapers(ctx, await (bank ??= seedSampleQuestionBank(ctx, root.id, '法律知识题库（示例）')), branch);
  if (officers.length > 0) lines.push(await seedExamsDemo(ctx, showcase, officers, papers));

  const { seedTrainingDemo } = await import('../modules/training/demo-training.ts');
  const classes = await seedTrainingDemo(ctx, showcase);
  if (classes > 0) lines.push(`demo training: ${classes} classes with attendance and completions`);
  const { seedStudyDemo } = await import('../modules/study/demo-study.ts');
  const study = await seedStudyDemo(ctx, showcase, officers);
  if (study.campaigns > 0) lines.push(`demo study: ${study.campaigns} campaigns, ${study.records} declared records`);
  const { seedTalentDemo } = await import('../modules/talent/demo-talent.ts');
  const instructors = await seedTalentDemo(ctx, showcase);
  if (instructors > 0) lines.push(`demo talent: ${instructors} instructors with lectures and reviews`);
  const { seedCompetitionsDemo } = await import('../modules/competitions/demo-competitions.ts');
  const events = await seedCompetitionsDemo(ctx, showcase);
  if (events > 0) lines.push(`demo competitions: ${events} events, half of them scored and published`);
  const { seedRecruitmentDemo } = await import('../modules/recruitment/demo-recruitment.ts');
  // The city political department (demo-city) records complaints about the 公示 and reviews what the branches send up.
  const city = await ctx.db
    .selectFrom('app_user')
    .select(['id as userId', 'username', 'display_name as displayName', 'org_id as orgId'])
    .where('username', '=', DEMO_CITY_USER)
    .executeTakeFirst();
  const applicants = await seedRecruitmentDemo(ctx, showcase, city);
  if (applicants > 0) lines.push(`demo recruitment: 2 rounds per branch, ${applicants} applicants`);
  const { seedAwardsDemo, seedAwardAtCityReview } = await import('../modules/awards/awards-demo.ts');
  const awards = await seedAwardsDemo(ctx);
  if (awards.awards > 0) lines.push(`demo awards: ${awards.awards} awards with discipline records and an exemplar campaign`);
  const firstStaff = city && (await firstBranchStaff(ctx, branches[0]?.id));
  if (awards.awards > 0 && firstStaff && (await seedAwardAtCityReview(ctx, firstStaff)))
    lines.push(`demo awards: a 三等功 nomination of ${firstStaff.username} at the city's review`);
  const { seedDemoParty } = await import('../modules/party/party-demo.ts');
  const party = await seedDemoParty(ctx);
  if (party.branches > 0) lines.push(`demo party branches: ${party.branches}, members: ${party.members}`);
  const { seedDemoPublicity } = await import('../modules/publicity/publicity-demo.ts');
  const publicity = await seedDemoPublicity(ctx);
  if (publicity.reporters > 0) lines.push(`demo publicity reporters: ${publicity.reporters}, outputs: ${publicity.outputs}`);
  const { seedDemoCulture } = await import('../modules/culture/culture-demo.ts');
  const culture = await seedDemoCulture(ctx, demoBranches);
  if (culture.programmes > 0)
    lines.push(`demo police culture: ${culture.programmes} programmes, ${culture.entries} judged entries, ${culture.works} works`);
  const { seedDemoWelfare } = await import('../modules/welfare/demo-welfare.ts');
  const welfare = await seedDemoWelfare(ctx, branchIds);
  if (welfare.leaves > 0) lines.push(`demo welfare records: ${welfare.leaves} leave applications, ${welfare.alerts} wristband alerts`);
  // The officers' own requests, decided by their branch's political staff (demo-<branch>) through the workflow.
  const staffOf = await branchStaff(ctx);
  const { seedDemoCorrections } = await import('../modules/personnel/demo/demo-corrections.ts');
  const corrections = await seedDemoCorrections(ctx, officers, staffOf);
  const { seedDemoOfficerWelfare } = await import('../modules/welfare/demo-welfare-officers.ts');
  const own = await seedDemoOfficerWelfare(ctx, officers, staffOf);
  if (corrections + own > 0) lines.push(`demo officers' requests: ${corrections} corrections, ${own} leave applications`);
  const { seedDemoAssessment } = await import('../modules/assessment/demo-assessment.ts');
  const rounds = await seedDemoAssessment(ctx);
  if (rounds > 0) lines.push(`demo assessment: 3 schemes, ${rounds} rounds of 2025`);
  // Early warning reads what the modules above recorded; a branch's political staff handle its alerts.
  const staff = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('org as d', 'd.id', 'u.org_id')
    .select(['u.id as userId', 'u.username', 'd.parent_id as branchId'])
    .where('u.username', 'like', 'demo-%')
    .where('u.person_id', 'is', null)
    .where('d.parent_id', 'in', branchIds)
    .$narrowType<{ branchId: string }>()
    .orderBy('u.created_at')
    .execute();
  if (staff.length > 0 && officers.length > 0) {
    const { seedWarningDemo } = await import('../modules/warning/demo-warning.ts');
    const warning = await seedWarningDemo(ctx, staff, city);
    lines.push(`demo early warning: ${warning.alerts} alerts carried into intervention, ${warning.reports} quarterly reports`);
  }
  return lines.filter((l): l is string => l !== null);
}

/** The political-staff account of an officer's branch: demo-<branch> for demo-<branch>-mjN. */
async function branchStaff(ctx: AppContext): Promise<(officer: { username: string }) => { userId: string; username: string } | undefined> {
  const staff = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'like', 'demo-%')
    .where('person_id', 'is', null)
    .execute();
  const byName = new Map(staff.map((u) => [u.username, { userId: u.id, username: u.username }]));
  return (officer) => byName.get(officer.username.replace(/-mj\d+$/, ''));
}

/** A branch's political-staff account (demo-<branch>, in its 政治处), to act for the branch. */
async function firstBranchStaff(ctx: AppContext, branchId: string | undefined) {
  if (!branchId) return undefined;
  const staff = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('org as d', 'd.id', 'u.org_id')
    .select(['u.id as userId', 'u.username', 'u.display_name as displayName', 'u.org_id as orgId'])
    .where('u.username', 'like', 'demo-%')
    .where('u.person_id', 'is', null)
    .where('d.parent_id', '=', branchId)
    .executeTakeFirst();
  return staff && { ...staff, branchId };
}
