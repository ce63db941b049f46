import { gatePassed, maskName, rankApplicants, type PostRequirements, type Weights } from '@zhenggong/core';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { readPhotoFile } from '../uploads.ts';
import { ticketPdf } from '../ticket-pdf.ts';
import { findOwn } from './portal-applications.ts';
import { SCORED_STATUSES, scoresOf } from '../score-rows.ts';

/** Published announcements, newest first. */
export async function listPublished(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('recruit_announcement as a')
    .select(['a.id', 'a.title', 'a.published_at', 'a.apply_from', 'a.apply_until', 'a.summary'])
    .select((eb) =>
      eb
        .selectFrom('recruit_post as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.announcement_id', '=', 'a.id')
        .as('post_count'),
    )
    .where('a.status', '=', 'published')
    .orderBy('a.published_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publishedAt: r.published_at,
    applyFrom: r.apply_from,
    applyUntil: r.apply_until,
    postCount: Number(r.post_count ?? 0),
    summary: r.summary,
  }));
}

export async function getPublished(ctx: AppContext, id: string) {
  const a = await ctx.db
    .selectFrom('recruit_announcement as a')
    .innerJoin('org as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.title',
      'a.body',
      'a.summary',
      'a.published_at',
      'a.apply_from',
      'a.apply_until',
      'a.exam_at',
      'a.exam_place',
      'o.name as org_name',
    ])
    .where('a.id', '=', id)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  if (!a) throw new AppError('RECRUIT_ANNOUNCEMENT_NOT_FOUND');
  const posts = await ctx.db
    .selectFrom('recruit_post as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.code', 'p.name', 'o.name as org_name', 'p.headcount', 'p.requirements'])
    .where('p.announcement_id', '=', id)
    .orderBy('p.code')
    .execute();
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    summary: a.summary,
    publishedAt: a.published_at,
    applyFrom: a.apply_from,
    applyUntil: a.apply_until,
    examAt: a.exam_at,
    examPlace: a.exam_place,
    orgName: a.org_name,
    posts: posts.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      orgName: p.org_name,
      headcount: p.headcount,
      requirements: JSON.parse(p.requirements) as PostRequirements,
    })),
  };
}

/** 公示名单: names masked in the middle, post and total, once the publicity has been opened. */
export async function publicityList(ctx: AppContext, id: string) {
  const a = await ctx.db
    .selectFrom('recruit_announcement')
    .select(['publicity_from', 'publicity_until', 'weights'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!a?.publicity_from) throw new AppError('RECRUIT_PUBLICITY_NOT_OPEN');
  const rows = await ctx.db
    .selectFrom('recruit_application as r')
    .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
    .select([
      'r.id',
      'r.name',
      'p.name as post_name',
      'p.code',
      'r.ticket_number',
      'r.written',
      'r.interview',
      'r.physical',
      'r.background',
    ])
    .where('r.announcement_id', '=', id)
    .where('r.status', 'in', ['publicized', 'hired'])
    .orderBy('p.code')
    .execute();
  const weights = JSON.parse(a.weights) as Weights;
  const ranked = rankApplicants(
    rows.map((r) => ({ ...r, id: r.id, ticketNumber: r.ticket_number, scores: scoresOf(r) })),
    weights,
  );
  return {
    from: a.publicity_from,
    until: a.publicity_until,
    entries: ranked
      .sort((x, y) => x.entry.code.localeCompare(y.entry.code))
      .map((x) => ({ nameMasked: maskName(x.entry.name), postName: x.entry.post_name, total: x.total })),
  };
}

export async function ownTicket(ctx: AppContext, applicantId: string, id: string): Promise<Buffer> {
  const row = await findOwn(ctx.db, applicantId, id);
  if (!row.ticket_number || !(SCORED_STATUSES as readonly string[]).includes(row.status)) throw new AppError('RECRUIT_TICKET_NOT_ISSUED');
  const photo = row.photo ? readPhotoFile(ctx, row.photo).body : null;
  return ticketPdf({
    announcementTitle: row.announcement_title,
    ticketNumber: row.ticket_number,
    name: row.name,
    sex: row.sex,
    idNumberMasked: row.id_number_masked,
    postCode: row.post_code,
    postName: row.post_name,
    examAt: row.exam_at,
    examPlace: row.exam_place,
    photo,
    issuedAt: ctx.clock.now().toISOString(),
  });
}

/**
 * The applicant's published scores, total and rank, computed exactly as the staff ranking does
 * (same applicants, same rule). `physicalGate` / `backgroundGate` say whether a pass/fail item
 * (合格/不合格) was passed; null when the item is weighted instead, or not scored yet.
 */
export async function ownScores(ctx: AppContext, applicantId: string, id: string) {
  const row = await findOwn(ctx.db, applicantId, id);
  if (!row.scores_published_at) throw new AppError('RECRUIT_SCORES_NOT_PUBLISHED');
  const weights = JSON.parse(row.weights) as Weights;
  const peers = await ctx.db
    .selectFrom('recruit_application')
    .select(['id', 'ticket_number', 'written', 'interview', 'physical', 'background'])
    .where('announcement_id', '=', row.announcement_id)
    .where('post_id', '=', row.post_id)
    .where('status', 'in', SCORED_STATUSES)
    .execute();
  const ranked = rankApplicants(
    peers.map((p) => ({ id: p.id, ticketNumber: p.ticket_number, scores: scoresOf(p) })),
    weights,
  );
  const mine = ranked.find((r) => r.entry.id === id);
  const scores = scoresOf(row);
  return {
    ...scores,
    physicalGate: gatePassed(scores, weights, 'physical'),
    backgroundGate: gatePassed(scores, weights, 'background'),
    total: mine?.total ?? null,
    rank: mine?.rank ?? null,
    publishedAt: row.scores_published_at,
  };
}
