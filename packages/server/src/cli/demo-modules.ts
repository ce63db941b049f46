import type { AppContext } from '../platform/context.ts';
import { DEMO_ROOT_CODE } from './demo-orgs.ts';

/**
 * Each business module's part of the demo bureau, run after the tree, the people and the demo
 * accounts exist. Every part is idempotent and returns a line for the console (null: already
 * there). A module adds its part here; parts run in order, so later modules may read earlier ones.
 */
export async function seedDemoModules(ctx: AppContext): Promise<string[]> {
  const root = await ctx.db.selectFrom('org').select('id').where('code', '=', DEMO_ROOT_CODE).executeTakeFirst();
  if (!root) return [];
  const branches = await ctx.db.selectFrom('org').select('id').where('parent_id', '=', root.id).where('type', '=', 'branch').execute();
  const officers = await ctx.db
    .selectFrom('app_user')
    .select(['id as userId', 'username', 'display_name as displayName', 'org_id as orgId'])
    .where('username', 'like', 'demo-%-mj%')
    .where('person_id', 'is not', null)
    .orderBy('username')
    .execute();
  const lines: (string | null)[] = [];
  const { seedExamsDemo } = await import('../modules/exams/demo.ts');
  const { seedSampleQuestionBank } = await import('../modules/question-bank/sample-bank.ts');
  const branchIds = branches.map((b) => b.id);
  const papers = () => seedSampleQuestionBank(ctx, root.id, '法律知识题库（示例）');
  if (officers.length > 0) lines.push(await seedExamsDemo(ctx, root.id, branchIds, officers, papers));

  const { seedAwardsDemo } = await import('../modules/awards/awards-demo.ts');
  const awards = await seedAwardsDemo(ctx);
  if (awards.awards > 0) lines.push(`demo awards: ${awards.awards} awards with discipline records and an exemplar campaign`);
  const { seedDemoParty } = await import('../modules/party/party-demo.ts');
  const party = await seedDemoParty(ctx);
  if (party.branches > 0) lines.push(`demo party branches: ${party.branches}, members: ${party.members}`);
  const { seedDemoPublicity } = await import('../modules/publicity/publicity-demo.ts');
  const publicity = await seedDemoPublicity(ctx);
  if (publicity.reporters > 0) lines.push(`demo publicity reporters: ${publicity.reporters}, outputs: ${publicity.outputs}`);
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
    const warning = await seedWarningDemo(ctx, staff);
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
