import { reason, type AppointBody, type TeamEvaluationBody, type TeamTargets, type TeamView, type VacateBody } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { assertOrgInScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope, today } from '../personnel/people.ts';
import { yearsOld } from './ages.ts';
import { peopleInScope } from './subjects.ts';

/**
 * Leadership teams (领导班子) per unit: posts with their holders (vacancies are posts without
 * one), appointment and removal written as cadre records with 文号, the structure checked
 * against the unit's targets, and team evaluations (过堂式考核) with follow-up due dates.
 */
export async function teamView(ctx: AppContext, scope: ResolvedScope, orgId: string): Promise<TeamView> {
  await assertOrgInScope(ctx.db, scope, orgId);
  const org = await ctx.db.selectFrom('org').select(['id', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const [posts, target, evaluations] = await Promise.all([
    ctx.db.selectFrom('cadre_post').selectAll().where('org_id', '=', orgId).orderBy('seat_order').orderBy('created_at').execute(),
    ctx.db.selectFrom('cadre_team_target').select('targets').where('org_id', '=', orgId).executeTakeFirst(),
    ctx.db.selectFrom('cadre_team_evaluation').selectAll().where('org_id', '=', orgId).orderBy('date', 'desc').execute(),
  ]);
  const holderIds = posts.flatMap((p) => (p.person_id ? [p.person_id] : []));
  // Holders are read whatever their unit (a member may sit in another unit's records); the team itself is in scope.
  const people = new Map((await peopleInScope(ctx, ctx.db, { all: true }, { ids: holderIds })).map((p) => [p.id, p]));
  const day = today(ctx);
  const holders = posts.map((p) => (p.person_id ? people.get(p.person_id) : undefined));
  const targets = target ? (JSON.parse(target.targets) as TeamTargets) : null;
  const members = holders.filter((h) => h !== undefined);
  const structure = targets
    ? [
        reason(
          'SIZE',
          members.length >= targets.size,
          `班子职数${targets.size}名，在任${members.length}名，空缺${Math.max(0, targets.size - members.length)}名`,
          `${members.length} of ${targets.size} seats filled`,
        ),
        reason(
          'YOUNG',
          members.filter((m) => yearsOld(m.birth_date, day) < targets.youngAge).length >= targets.minYoung,
          `${targets.youngAge}岁以下成员${members.filter((m) => yearsOld(m.birth_date, day) < targets.youngAge).length}名（目标不少于${targets.minYoung}名）`,
          `members under ${targets.youngAge}: target ${targets.minYoung}`,
        ),
        reason(
          'FEMALE',
          members.filter((m) => m.sex === '2').length >= targets.minFemale,
          `女性成员${members.filter((m) => m.sex === '2').length}名（目标不少于${targets.minFemale}名）`,
          `women: target ${targets.minFemale}`,
        ),
        reason(
          'EDUCATION',
          members.filter((m) => (m.education ?? '99') < '30').length >= targets.minBachelor,
          `本科及以上学历${members.filter((m) => (m.education ?? '99') < '30').length}名（目标不少于${targets.minBachelor}名）`,
          `bachelor or higher: target ${targets.minBachelor}`,
        ),
        ...targets.professions.map((kw) => {
          const has = posts.some((p, i) => p.title.includes(kw) || (holders[i]?.post ?? '').includes(kw));
          return reason(
            'PROFESSION',
            has,
            `专业结构：${has ? '已有' : '缺少'}${kw}方面成员`,
            `profession ${kw}: ${has ? 'present' : 'missing'}`,
          );
        }),
      ]
    : [];
  return {
    org,
    targets,
    posts: posts.map((p, i) => {
      const h = holders[i];
      return {
        id: p.id,
        title: p.title,
        seatOrder: p.seat_order,
        holder: h
          ? { personId: h.id, name: h.name, age: yearsOld(h.birth_date, day), sex: h.sex, education: h.education, post: h.post }
          : null,
        since: p.since,
        docNo: p.doc_no,
      };
    }),
    structure,
    evaluations: evaluations.map((e) => {
      const items = JSON.parse(e.items) as { name: string; score: number; comment?: string | null }[];
      const followups = JSON.parse(e.followups) as { item: string; dueDate: string }[];
      return {
        id: e.id,
        date: e.date,
        title: e.title,
        average: items.length ? Math.round((items.reduce((s, x) => s + x.score, 0) / items.length) * 10) / 10 : 0,
        items,
        followups: followups.map((f) => ({ ...f, overdue: f.dueDate < day })),
      };
    }),
  };
}

const stamp = (ctx: AppContext) => ({ city_code: ctx.config.cityCode, created_at: ctx.clock.now().toISOString() });

export async function addPost(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  orgId: string,
  body: { title: string; seatOrder: number },
) {
  await assertOrgInScope(ctx.db, scope, orgId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cadre_post')
      .values({
        id,
        org_id: orgId,
        title: body.title,
        seat_order: body.seatOrder,
        person_id: null,
        since: null,
        doc_no: null,
        ...stamp(ctx),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.team.post',
      objectType: 'cadre_post',
      objectId: id,
      detail: { orgId, title: body.title },
    });
  });
  return { id };
}

async function postInScope(ctx: AppContext, scope: ResolvedScope, id: string) {
  const post = await ctx.db.selectFrom('cadre_post').selectAll().where('id', '=', id).executeTakeFirst();
  if (!post) throw new AppError('CADRES_POST_NOT_FOUND');
  await assertOrgInScope(ctx.db, scope, post.org_id).catch(() => {
    throw new AppError('CADRES_POST_NOT_FOUND');
  });
  return post;
}

/** 任职: fills a vacant post and writes the appointment record with its 文号. */
export async function appoint(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string | null },
  id: string,
  body: AppointBody,
) {
  const post = await postInScope(ctx, scope, id);
  if (post.person_id) throw new AppError('CADRES_POST_TAKEN');
  await assertPeopleInScope(ctx.db, scope, [body.personId], () => new AppError('CADRES_PERSON_NOT_FOUND'));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cadre_post')
      .set({ person_id: body.personId, since: body.date, doc_no: body.docNo ?? null })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('cadre_record')
      .values({
        id: newId(),
        person_id: body.personId,
        kind: 'appointment',
        date: body.date,
        end_date: null,
        title: post.title,
        doc_no: body.docNo ?? null,
        host_unit: null,
        result: null,
        detail_enc: null,
        created_by: actor.userId,
        ...stamp(ctx),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.team.appoint',
      objectType: 'cadre_post',
      objectId: id,
      detail: { personId: body.personId, date: body.date },
    });
  });
  return { id };
}

/** 免职: vacates the post and writes the removal record. */
export async function vacate(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string | null },
  id: string,
  body: VacateBody,
) {
  const post = await postInScope(ctx, scope, id);
  if (!post.person_id) throw new AppError('CADRES_POST_VACANT');
  const personId = post.person_id;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('cadre_post').set({ person_id: null, since: null, doc_no: null }).where('id', '=', id).execute();
    await trx
      .insertInto('cadre_record')
      .values({
        id: newId(),
        person_id: personId,
        kind: 'removal',
        date: body.date,
        end_date: null,
        title: post.title,
        doc_no: body.docNo ?? null,
        host_unit: null,
        result: null,
        detail_enc: null,
        created_by: actor.userId,
        ...stamp(ctx),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.team.vacate',
      objectType: 'cadre_post',
      objectId: id,
      detail: { personId, date: body.date },
    });
  });
  return { id };
}

export async function setTargets(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, orgId: string, targets: TeamTargets) {
  await assertOrgInScope(ctx.db, scope, orgId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('cadre_team_target').where('org_id', '=', orgId).execute();
    await trx
      .insertInto('cadre_team_target')
      .values({ id: newId(), org_id: orgId, targets: JSON.stringify(targets), ...stamp(ctx) })
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'cadres.team.targets', objectType: 'org', objectId: orgId, detail: targets });
  });
  return teamView(ctx, scope, orgId);
}

export async function addEvaluation(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, orgId: string, body: TeamEvaluationBody) {
  await assertOrgInScope(ctx.db, scope, orgId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cadre_team_evaluation')
      .values({
        id,
        org_id: orgId,
        date: body.date,
        title: body.title,
        items: JSON.stringify(body.items),
        followups: JSON.stringify(body.followups),
        ...stamp(ctx),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.team.evaluate',
      objectType: 'cadre_team_evaluation',
      objectId: id,
      detail: { orgId, title: body.title },
    });
  });
  return { id };
}
