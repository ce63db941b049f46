import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { branchesOf } from '../../platform/orgs/branches.ts';
import { allPeople, today } from '../personnel/people.ts';
import { seedCareerHistory } from './cadre-history-demo.ts';

/**
 * The cadres part of the demo bureau, once, after its people: career history (appraisals, the
 * 2016 posts before the 2019 conversion, a few awards and discipline lines), a leadership team
 * per branch with one vacancy, targets and a 过堂式考核 with follow-ups, some cadre records and a
 * young-cadre pool. Promotion cases are opened by people in the app, through the workflow.
 */
export async function seedCadresDemo(ctx: AppContext): Promise<void> {
  if (await ctx.db.selectFrom('cadre_post').select('id').limit(1).executeTakeFirst()) return;
  const officers = await ctx.db
    .selectFrom(allPeople(ctx.db).as('p'))
    .select([
      'p.id',
      'p.police_start_date',
      'p.org_id',
      'p.birth_date',
      'p.officer_level',
      'p.level_date',
      'p.rank',
      'p.rank_date',
      'p.name',
    ])
    .where('p.kind', '=', 'officer')
    .orderBy('p.id')
    .execute();
  const day = today(ctx);
  await seedCareerHistory(ctx, officers, Number(day.slice(0, 4)));
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  if (!root) return;
  const branches = await branchesOf(
    ctx.db,
    root.id,
    officers.map((o) => o.org_id),
  );
  const byBranch = new Map<string, typeof officers>();
  for (const o of officers) {
    const b = branches.get(o.org_id)?.id;
    if (b && b !== root.id) byBranch.set(b, [...(byBranch.get(b) ?? []), o]);
  }
  const stamp = () => ({ city_code: ctx.config.cityCode, created_at: ctx.clock.now().toISOString() });
  await ctx.db.transaction().execute(async (trx) => {
    let k = 0;
    for (const [branchId, people] of byBranch) {
      const seniors = people.filter((p) => p.officer_level && p.officer_level <= '607').slice(0, 4);
      const titles = ['局长', '政委', '副局长', '副局长', '纪委书记'];
      for (const [i, title] of titles.entries()) {
        const holder = seniors[i];
        const since = `${Number(day.slice(0, 4)) - 1 - (i % 3)}-03-01`;
        await trx
          .insertInto('cadre_post')
          .values({
            id: newId(),
            org_id: branchId,
            title,
            seat_order: i + 1,
            person_id: holder?.id ?? null,
            since: holder ? since : null,
            doc_no: holder ? `示公任〔${since.slice(0, 4)}〕${10 + i}号` : null,
            ...stamp(),
          })
          .execute();
        if (holder)
          await trx
            .insertInto('cadre_record')
            .values({
              id: newId(),
              person_id: holder.id,
              kind: 'appointment',
              date: since,
              end_date: null,
              title,
              doc_no: `示公任〔${since.slice(0, 4)}〕${10 + i}号`,
              host_unit: null,
              result: null,
              detail_enc: null,
              created_by: null,
              ...stamp(),
            })
            .execute();
      }
      await trx
        .insertInto('cadre_team_target')
        .values({
          id: newId(),
          org_id: branchId,
          targets: JSON.stringify({ size: 5, youngAge: 45, minYoung: 1, minFemale: 1, minBachelor: 4, professions: ['刑侦', '法制'] }),
          ...stamp(),
        })
        .execute();
      await trx
        .insertInto('cadre_team_evaluation')
        .values({
          id: newId(),
          org_id: branchId,
          date: `${day.slice(0, 4)}-01-15`,
          title: `${Number(day.slice(0, 4)) - 1}年度领导班子过堂式考核`,
          items: JSON.stringify([
            { name: '政治建设', score: 90 + (k % 5) },
            { name: '业务工作', score: 82 + (k % 7) },
            { name: '队伍管理', score: 85 + (k % 4) },
            { name: '党风廉政', score: 91 },
          ]),
          followups: JSON.stringify([
            { item: '补齐专业结构短板，配备法制方面班子成员', dueDate: `${day.slice(0, 4)}-06-30` },
            { item: '整改基层所队考核中反映的执法规范化问题', dueDate: `${Number(day.slice(0, 4)) + 1}-03-31` },
          ]),
          ...stamp(),
        })
        .execute();
      const young = people.filter((p) => p.birth_date > `${Number(day.slice(0, 4)) - 32}-01-01`).slice(0, 3);
      for (const y of young)
        await trx
          .insertInto('cadre_young')
          .values({
            id: newId(),
            person_id: y.id,
            entered_on: `${Number(day.slice(0, 4)) - 1}-09-01`,
            plan: '两年内完成一次基层所队岗位轮岗和一次上级机关跟班学习',
            status: 'active',
            rotations: JSON.stringify([{ unit: '派出所', post: '社区民警', from: `${Number(day.slice(0, 4)) - 1}-09-01`, to: null }]),
            ...stamp(),
          })
          .execute();
      const someone = people[k % people.length];
      if (someone) {
        await trx
          .insertInto('cadre_record')
          .values({
            id: newId(),
            person_id: someone.id,
            kind: 'secondment',
            date: `${Number(day.slice(0, 4)) - 1}-07-01`,
            end_date: `${day.slice(0, 4)}-06-30`,
            title: '挂职锻炼',
            doc_no: null,
            host_unit: '示例县人民政府',
            result: '考核称职',
            detail_enc: null,
            created_by: null,
            ...stamp(),
          })
          .execute();
        await trx
          .insertInto('cadre_record')
          .values({
            id: newId(),
            person_id: someone.id,
            kind: 'inspection',
            date: `${day.slice(0, 4)}-02-20`,
            end_date: null,
            title: '拟提拔考察',
            doc_no: null,
            host_unit: null,
            result: '民主推荐得票率86%，测评优秀率78%',
            detail_enc: ctx.fieldCrypto.encrypt('考察组谈话32人，反映政治素质好、业务能力强。'),
            created_by: null,
            ...stamp(),
          })
          .execute();
      }
      k += 1;
    }
  });
}
