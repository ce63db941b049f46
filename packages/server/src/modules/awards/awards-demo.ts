import { defaultDiscipline, disciplineEndDate } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { addAwardLine, addDisciplineLine, allPeople, today } from '../personnel/people.ts';
import { deedKeyOf } from './nominations.ts';

/**
 * Demo awards, discipline and an exemplar campaign for `seed-demo` / `--demo`: decided awards on
 * people's records (with their 文号), one approved and waiting for its decision, one rejected, a
 * batch award for a major event, a discipline record in its effect period and a campaign open
 * for voting. Idempotent: nothing happens once any award exists.
 */
export async function seedAwardsDemo(ctx: AppContext): Promise<{ awards: number }> {
  if (await ctx.db.selectFrom('award_case').select('id').limit(1).executeTakeFirst()) return { awards: 0 };
  const people = await allPeople(ctx.db).where('status', '=', 'serving').orderBy('id').limit(40).execute();
  if (people.length < 12) return { awards: 0 };
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const creator = (await ctx.db.selectFrom('app_user').select('id').orderBy('created_at').executeTakeFirst()) ?? { id: newId() };
  const on = today(ctx);
  const year = Number(on.slice(0, 4));
  const now = ctx.clock.now().toISOString();
  const stamp = { city_code: ctx.config.cityCode, created_at: now };
  let made = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const award = async (
      subjects: typeof people,
      level: string,
      title: string,
      deed: string,
      status: 'decided' | 'approved' | 'rejected',
      decisionNo: string | null,
      date: string,
    ) => {
      const id = newId();
      made += 1;
      await trx
        .insertInto('award_case')
        .values({
          id,
          recipient: 'individual',
          org_id: subjects.length > 1 ? root.id : subjects[0]!.org_id,
          level,
          title,
          deed_title: deed,
          deed_date: date,
          deed_summary: `${deed}：事迹突出，群众认可（演示数据）。`,
          leadership: 0,
          fast_track: level === '嘉奖' && subjects.length === 1 ? 1 : 0,
          batch: subjects.length > 1 ? 1 : 0,
          approver_level: subjects[0]!.kind === 'auxiliary' && level === '嘉奖' ? 'branch' : 'city',
          approver_basis: 'V 奖励条令135 Arts. 13–15',
          review_democratic: '经民主评议，同意推荐。',
          review_collective: '经单位集体研究，同意报请。',
          review_file_ids: '[]',
          exception_reason: null,
          exception_by: null,
          exception_by_name: null,
          overridden: '[]',
          status,
          case_id: null,
          bonus_yuan: level === '三等功' ? 5000 : 2000,
          decision_no: decisionNo,
          decision_date: decisionNo ? date : null,
          issuer: decisionNo ? '示例市公安局' : null,
          delivered_on: null,
          delivered_by: null,
          delivered_at_home: null,
          delivery_note: null,
          nominated_by: creator.id,
          ...stamp,
          updated_at: now,
        })
        .execute();
      for (const p of subjects) {
        const lineId =
          status === 'decided' && decisionNo
            ? await addAwardLine(trx, ctx, { personId: p.id, date, name: `${title}（${decisionNo}）`, level, issuer: '示例市公安局' })
            : null;
        await trx
          .insertInto('award_subject')
          .values({
            id: newId(),
            award_id: id,
            person_id: p.id,
            org_id: p.org_id,
            name: p.name,
            deed_key: deedKeyOf(p.id, date, deed),
            active: status === 'rejected' ? 0 : 1,
            person_line_id: lineId,
            ...stamp,
          })
          .execute();
      }
    };
    const [a, b, c, d, e, f, ...rest] = people;
    await award([a!], '三等功', '记个人三等功', '破获“3·15”系列盗窃案', 'decided', `示公政〔${year}〕12号`, `${year}-03-20`);
    await award([b!], '嘉奖', '嘉奖', '火场救人', 'decided', `示公政〔${year}〕18号`, `${year}-04-02`);
    await award([c!], '三等功', '记个人三等功', '抗洪抢险', 'approved', null, `${year}-07-10`);
    await award([d!], '嘉奖', '嘉奖', '协助破案', 'rejected', null, `${year}-05-06`);
    await award(rest.slice(0, 6), '嘉奖', '春节安保嘉奖', `${year}年春节安保`, 'decided', `示公政〔${year}〕3号`, `${year}-02-20`);
    await award([e!], '二等功', '记个人二等功', '抓获持枪逃犯', 'decided', `浙公政〔${year - 1}〕45号`, `${year - 1}-11-08`);
    // A discipline record inside its effect period (a warning of six months).
    const decided = `${year}-${on.slice(5, 7)}-01`;
    const endDate = disciplineEndDate(defaultDiscipline, '警告', decided);
    const lineId = await addDisciplineLine(trx, ctx, { personId: f!.id, date: decided, kind: '警告', reason: null, endDate });
    await trx
      .insertInto('discipline_record')
      .values({
        id: newId(),
        person_id: f!.id,
        system: 'govt',
        kind: '警告',
        decision_date: decided,
        end_date: endDate,
        organ: '示例市公安局',
        doc_no: `示公纪〔${year}〕2号`,
        facts_enc: ctx.fieldCrypto.encrypt('值班期间脱岗（演示数据）'),
        appeal_enc: null,
        appeal_result_enc: null,
        appeal_status: 'none',
        status: 'in_effect',
        lifted_on: null,
        lift_doc_no: null,
        person_line_id: lineId,
        created_by: creator.id,
        ...stamp,
        updated_at: now,
      })
      .execute();
    const campaign = newId();
    await trx
      .insertInto('exemplar_campaign')
      .values({
        id: campaign,
        title: `${year}年度“最美警察”评选`,
        kind: '最美警察',
        year,
        criteria: '忠诚履职、事迹突出、群众认可',
        quota_per_unit: 2,
        max_choices: 2,
        public_voting: 1,
        status: 'voting',
        org_id: root.id,
        created_by: creator.id,
        ...stamp,
        updated_at: now,
      })
      .execute();
    for (const p of [a!, b!, e!])
      await trx
        .insertInto('exemplar_candidate')
        .values({
          id: newId(),
          campaign_id: campaign,
          person_id: p.id,
          org_id: p.org_id,
          quota_org_id: root.id,
          deeds: '扎根基层，事迹突出（演示数据）',
          status: 'approved',
          case_id: null,
          winner: 0,
          ...stamp,
        })
        .execute();
  });
  return { awards: made };
}
