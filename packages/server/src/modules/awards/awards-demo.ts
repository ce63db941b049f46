import { addDays, defaultDiscipline, disciplineEndDate } from '@zhenggong/core';
import { accountPrincipal } from '../../platform/access/principal.ts';
import { accountActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { ensureDefinitions } from '../../platform/workflow/engine.ts';
import { caseKind } from '../../platform/workflow/registry.ts';
import { addAwardLine, addDisciplineLine, allPeople, today } from '../personnel/people.ts';
import { awardKindFor } from './award-workflow.ts';
import { deedKeyOf, nominate } from './nominations.ts';

type Person = { id: string; org_id: string; name: string; kind: 'officer' | 'auxiliary' };
type Status = 'decided' | 'approved' | 'rejected';

/** Deeds the branches' awards are for, one picked per branch and award so neighbours differ. */
const DEEDS = [
  '破获“3·15”系列入室盗窃案',
  '火场救出被困群众',
  '抗洪抢险转移受困群众',
  '抓获公安部督办网上逃犯',
  '捣毁电信网络诈骗窝点',
  '侦破跨省制贩毒品案',
  '跳江救起落水群众',
  '徒手制服持刀行凶人员',
  '亚运会安保任务',
  '侦破“6·08”故意伤害案',
  '追回被骗养老钱',
  '雪夜救助走失老人',
  '破获非法集资案',
  '成功处置群体性事件',
];

/**
 * Demo awards, discipline and an exemplar campaign for `seed-demo` / `--demo`. Every branch gets
 * its own awards, scoped to its units so its political staff see them: decided awards on
 * people's records (with their 文号), one approved and waiting for its decision, one rejected,
 * a batch award for a holiday security task, an earlier 二等功 from the province, and a
 * discipline record in its effect period; the city runs one campaign open for voting. Dates count
 * back from today. Idempotent: nothing happens once any award exists.
 */
export async function seedAwardsDemo(ctx: AppContext): Promise<{ awards: number }> {
  if (await ctx.db.selectFrom('award_case').select('id').limit(1).executeTakeFirst()) return { awards: 0 };
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (!root) return { awards: 0 };
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'short_name'])
    .where('parent_id', '=', root.id)
    .where('type', '=', 'branch')
    .orderBy('code')
    .execute();
  const creator = (await ctx.db.selectFrom('app_user').select('id').orderBy('created_at').executeTakeFirst()) ?? { id: newId() };
  const on = today(ctx);
  const now = ctx.clock.now().toISOString();
  const stamp = { city_code: ctx.config.cityCode, created_at: now };
  let made = 0;
  const nominees: Person[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const award = async (
      orgId: string,
      subjects: readonly Person[],
      level: string,
      title: string,
      deed: string,
      status: Status,
      decision: { no: string; issuer: string } | null,
      date: string,
    ) => {
      const id = newId();
      made += 1;
      const officer = subjects[0]!.kind === 'officer';
      await trx
        .insertInto('award_case')
        .values({
          id,
          recipient: 'individual',
          org_id: subjects.length > 1 ? orgId : subjects[0]!.org_id,
          level,
          title,
          deed_title: deed,
          deed_date: date,
          deed_summary: `${deed}：事迹突出，群众认可（演示数据）。`,
          leadership: 0,
          fast_track: level === '嘉奖' && subjects.length === 1 && status === 'decided' ? 1 : 0,
          batch: subjects.length > 1 ? 1 : 0,
          approver_level: level === '二等功' ? 'province' : !officer && level === '嘉奖' ? 'branch' : 'city',
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
          bonus_yuan: (level === '二等功' ? 10000 : level === '三等功' ? 5000 : 2000) * subjects.length,
          decision_no: decision?.no ?? null,
          decision_date: decision ? addDays(date, 20) : null,
          issuer: decision?.issuer ?? null,
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
        const lineId = decision
          ? await addAwardLine(trx, ctx, {
              personId: p.id,
              date: addDays(date, 20),
              name: `${title}（${decision.no}）`,
              level,
              issuer: decision.issuer,
            })
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
    for (const [i, branch] of branches.entries()) {
      const people: Person[] = await trx
        .selectFrom(allPeople(trx).as('p'))
        .innerJoin('org_closure as c', 'c.descendant_id', 'p.org_id')
        .select(['p.id', 'p.org_id', 'p.name', 'p.kind'])
        .where('c.ancestor_id', '=', branch.id)
        .where('p.status', '=', 'serving')
        .orderBy('p.id')
        .limit(12)
        .execute();
      if (people.length < 12) continue;
      const [a, b, c, d, e, f, ...rest] = people as [Person, Person, Person, Person, Person, Person, ...Person[]];
      const deed = (k: number) => DEEDS[(i * 3 + k) % DEEDS.length]!;
      const city = (date: string, n: number) => ({ no: `示公政〔${date.slice(0, 4)}〕${n}号`, issuer: '示例市公安局' });
      const d1 = addDays(on, -230 - i * 4);
      const d2 = addDays(on, -110 - i * 3);
      const d3 = addDays(on, -300);
      const d5 = addDays(on, -400 - i * 6);
      await award(branch.id, [a], '三等功', '记个人三等功', deed(0), 'decided', city(d1, 20 + i * 3), d1);
      // An auxiliary's 嘉奖 is the branch's to decide, on its own document.
      const own = { no: `示${(branch.short_name ?? branch.name).slice(0, 1)}公政〔${d2.slice(0, 4)}〕${8 + i}号`, issuer: branch.name };
      await award(branch.id, [b], '嘉奖', '嘉奖', deed(1), 'decided', b.kind === 'auxiliary' ? own : city(d2, 21 + i * 3), d2);
      await award(branch.id, [c], '三等功', '记个人三等功', deed(2), 'approved', null, addDays(on, -35 - i));
      await award(branch.id, [d], '嘉奖', '嘉奖', deed(3), 'rejected', null, addDays(on, -60 - i * 2));
      await award(branch.id, rest.slice(0, 4), '嘉奖', '春节安保嘉奖', `${d3.slice(0, 4)}年春节安保`, 'decided', city(d3, 3), d3);
      await award(
        branch.id,
        [e],
        '二等功',
        '记个人二等功',
        deed(4),
        'decided',
        { no: `浙公政〔${d5.slice(0, 4)}〕${40 + i}号`, issuer: '浙江省公安厅' },
        d5,
      );
      nominees.push(a);
      // A discipline record inside its effect period (a warning of six months).
      const decided = addDays(on, -20 - i * 3);
      const endDate = disciplineEndDate(defaultDiscipline, '警告', decided);
      const lineId = await addDisciplineLine(trx, ctx, { personId: f.id, date: decided, kind: '警告', reason: null, endDate });
      await trx
        .insertInto('discipline_record')
        .values({
          id: newId(),
          person_id: f.id,
          system: 'govt',
          kind: '警告',
          decision_date: decided,
          end_date: endDate,
          organ: '示例市公安局',
          doc_no: `示公纪〔${decided.slice(0, 4)}〕${2 + i}号`,
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
    }
    if (nominees.length === 0) return;
    const year = Number(on.slice(0, 4));
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
    for (const p of nominees.slice(0, 4))
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

/**
 * One nomination through the workflow, for the city's political department to review: a
 * branch's political staff nominate an officer of theirs for 三等功, which the authority matrix
 * gives to the city. The first officer no guard refuses is taken.
 */
export async function seedAwardAtCityReview(
  ctx: AppContext,
  staff: { userId: string; username: string; displayName: string; orgId: string; branchId: string },
): Promise<boolean> {
  const candidates = await ctx.db
    .selectFrom(allPeople(ctx.db).as('p'))
    .innerJoin('org_closure as c', 'c.descendant_id', 'p.org_id')
    .select(['p.id'])
    .where('c.ancestor_id', '=', staff.branchId)
    .where('p.status', '=', 'serving')
    .where('p.kind', '=', 'officer')
    .orderBy('p.id', 'desc')
    .limit(10)
    .execute();
  const on = today(ctx);
  await ensureDefinitions(ctx, [caseKind(awardKindFor(false, true))]);
  for (const person of candidates) {
    try {
      await nominate(ctx, { all: true }, accountPrincipal(staff, ['awards:nominate']), accountActor(staff), {
        recipient: 'individual',
        personIds: [person.id],
        level: '三等功',
        title: '记个人三等功',
        deedTitle: DEEDS[5]!,
        deedDate: addDays(on, -12),
        deedSummary: `${DEEDS[5]!}：主办侦查，带队收网（演示数据）。`,
        leadership: false,
        fastTrack: false,
        reviewDemocratic: '经民主评议，同意推荐。',
        reviewCollective: '经单位集体研究，同意报请市局审批。',
      });
      return true;
    } catch (error) {
      // A guard refused this officer (a recent award, a discipline record): try the next one.
      if (!(error instanceof AppError) || error.code !== 'AWARD_GUARD_REFUSED') throw error;
    }
  }
  return false;
}
