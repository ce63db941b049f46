import { addDays, addMonths, monthsOfQuarter, quarterOf, type MeetingKind } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople } from '../personnel/people.ts';
import { seedDemoPartyActivities, type DemoPartyBranch } from './activities-demo.ts';
import { recordPayment } from './dues-service.ts';
import { createMeeting, saveMinutes } from './meeting-service.ts';
import { advanceMember, createMember } from './member-service.ts';
import { createPartyOrg } from './org-service.ts';

const everywhere: ResolvedScope = { all: true };
const STATIONS = 4;

/**
 * Party building in the demo bureau, once (nothing when any party organisation exists): a branch
 * (党支部) in each of the first stations with members at every stage — one probation overdue for
 * conversion, one applicant awaiting the talk — this quarter's meetings partly held, one 支委会
 * planned for today, last month's dues partly paid, and the branches' activities (activities-demo.ts). Written through the module's services.
 */
export async function seedDemoParty(ctx: AppContext): Promise<{ branches: number; members: number }> {
  if (await ctx.db.selectFrom('party_org').select('id').limit(1).executeTakeFirst()) return { branches: 0, members: 0 };
  const on = today(ctx.clock);
  // The stations with the most serving officers, so every demo branch has members at each stage.
  const stations = await ctx.db
    .selectFrom('org as o')
    .innerJoin(allPeople(ctx.db).as('p'), 'p.org_id', 'o.id')
    .select(['o.id', 'o.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.type', '=', 'station')
    .where('o.status', '=', 'active')
    .where('p.kind', '=', 'officer')
    .where('p.status', '=', 'serving')
    .groupBy(['o.id', 'o.name'])
    .orderBy('n', 'desc')
    .orderBy('o.id')
    .limit(STATIONS)
    .execute();
  let branches = 0;
  let members = 0;
  const made: DemoPartyBranch[] = [];
  for (const [i, station] of stations.entries()) {
    const people = await ctx.db
      .selectFrom(allPeople(ctx.db).as('p'))
      .select(['p.id', 'p.birth_date'])
      .where('p.org_id', '=', station.id)
      .where('p.kind', '=', 'officer')
      .where('p.status', '=', 'serving')
      .orderBy('p.name_pinyin')
      .limit(8)
      .execute();
    if (people.length < 6) continue;
    const g = await createPartyOrg(ctx, everywhere, systemActor, {
      orgId: station.id,
      kind: 'branch',
      name: `${station.name}党支部`,
      secretaryPersonId: people[0]!.id,
      termStart: addMonths(on, -30 - i * 3),
      termEnd: addMonths(on, 6 - i * 3),
    });
    branches += 1;
    made.push({ partyOrgId: g.id, stationId: station.id, stationName: station.name, people: people.map((p) => p.id) });
    const add = async (personId: string, stage: 'applicant' | 'activist' | 'probationary' | 'full', since: string) => {
      await createMember(ctx, everywhere, systemActor, { personId, partyOrgId: g.id, stage, since });
      members += 1;
    };
    for (const p of people.slice(0, 3)) await add(p.id, 'full', addMonths(on, -60 - members));
    await add(people[3]!.id, 'probationary', addMonths(on, -13));
    await add(people[4]!.id, 'activist', addMonths(on, -14));
    await add(people[5]!.id, 'applicant', addDays(on, -40));
    if (people[6]) {
      // An activist admitted through the pipeline, so the record shows its dated steps.
      await add(people[6].id, 'activist', addMonths(on, -26));
      const m = await ctx.db.selectFrom('party_member').select('id').where('person_id', '=', people[6].id).executeTakeFirstOrThrow();
      await advanceMember(ctx, everywhere, systemActor, m.id, { stage: 'candidate', date: addMonths(on, -13) });
      await advanceMember(ctx, everywhere, systemActor, m.id, { stage: 'probationary', date: addMonths(on, -11) });
    }
    for (const month of monthsOfQuarter(quarterOf(on)).filter((x) => `${x}-05` <= on)) {
      const kinds: MeetingKind[] = i % 2 === 0 ? ['committee', 'theme_day', 'group'] : ['committee', 'theme_day'];
      for (const kind of kinds) {
        const mt = await createMeeting(ctx, everywhere, systemActor, {
          partyOrgId: g.id,
          kind,
          title: `${month} ${station.name}党支部会议`,
          plannedDate: `${month}-05`,
        });
        await saveMinutes(ctx, everywhere, systemActor, mt.id, {
          heldOn: `${month}-05`,
          minutes: '传达学习上级精神，研究部署支部工作。',
          resolutions: '按计划落实。',
        });
      }
    }
    await createMeeting(ctx, everywhere, systemActor, {
      partyOrgId: g.id,
      kind: 'lecture',
      title: '书记讲党课：忠诚履职',
      plannedDate: on,
      place: '党员活动室',
    });
    const lastMonth = addMonths(`${on.slice(0, 7)}-01`, -1).slice(0, 7);
    for (const [j, p] of people.slice(0, 4).entries()) {
      if (j === 3 && i % 2 === 1) continue;
      await recordPayment(ctx, everywhere, systemActor, {
        personId: p.id,
        month: lastMonth,
        payFen: 420_000 + j * 160_000,
        paidOn: `${lastMonth}-10`,
      });
    }
  }
  await seedDemoPartyActivities(ctx, made);
  return { branches, members };
}
