import { addDays, DEFAULT_AUX_SCHEME, DEFAULT_OFFICER_SCHEME, DEFAULT_WARTIME_SCHEME, type SchemeBody } from '@zhenggong/core';
import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople, today } from '../personnel/people.ts';
import { addCareContact, addEntry, addTalk } from './daily-service.ts';
import { openRound, setManualScores } from './round-service.ts';
import { createScheme, publishScheme } from './scheme-service.ts';

const ALL = { all: true } as const;

/** Daily entries (日常记实): kind, what happened, points. */
const ENTRIES: readonly ['positive' | 'negative', string, number][] = [
  ['positive', '群众来信表扬，热情帮助走失老人回家', 2],
  ['negative', '值班迟到二十分钟', 1],
  ['positive', '主动加班完成专项清查任务', 2],
  ['positive', '接处警规范，现场执法记录仪全程开启', 1],
  ['negative', '执法记录仪未按规定上传', 2],
  ['positive', '协助破获盗窃电动车案件', 3],
  ['negative', '内务检查床铺不整', 1],
];

/** Talks (谈心谈话): the topic and what was done after it. */
const TALKS: readonly [string, string][] = [
  ['工作与家庭情况', '调整排班，照顾家中老人'],
  ['岗位调整后的思想状况', '安排老民警结对帮带'],
  ['近期勤务强度与身体状况', '安排轮休三天'],
  ['子女入学困难', '协调辖区学校咨询入学政策'],
];

/**
 * The assessment part of the demo (seed-demo): the three default schemes published and, in every
 * branch, last year's annual round of its first police station (every third still being scored,
 * the others fully scored and ready for review, and a round of its auxiliaries) with daily
 * entries, talks and family care contacts of that station's officers. Once: a database with schemes is left alone.
 */
export async function seedDemoAssessment(ctx: AppContext): Promise<number> {
  if (await ctx.db.selectFrom('asm_scheme').select('id').executeTakeFirst()) return 0;
  const schemes: [string, string, 'officer' | 'auxiliary', 'annual' | 'wartime', SchemeBody][] = [
    ['officer-annual', '民警年度百分制考核', 'officer', 'annual', DEFAULT_OFFICER_SCHEME],
    ['aux-annual', '辅警年度考核', 'auxiliary', 'annual', DEFAULT_AUX_SCHEME],
    ['officer-wartime', '战时阵前考核', 'officer', 'wartime', DEFAULT_WARTIME_SCHEME],
  ];
  const ids: string[] = [];
  for (const [code, name, personKind, periodKind, body] of schemes) {
    const s = await createScheme(ctx, ALL, systemActor, {
      code,
      name,
      subject: 'individual',
      personKind,
      periodKind,
      effectiveFrom: '2025-01-01',
      evidence: 'U',
      source: '默认模板（待确认）',
      body,
    });
    await publishScheme(ctx, ALL, systemActor, s.id);
    ids.push(s.id);
  }
  const on = today(ctx);
  const period = String(Number(on.slice(0, 4)) - 1);
  // Each branch's first police station (by code), so every branch's political staff see a round.
  const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (!root) return 0;
  const branches = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('parent_id', '=', root.id)
    .where('type', '=', 'branch')
    .orderBy('code')
    .execute();
  let rounds = 0;
  for (const [n, branch] of branches.entries()) {
    const station = await ctx.db
      .selectFrom('org')
      .select('id')
      .where('parent_id', '=', branch.id)
      .where('type', '=', 'station')
      .orderBy('code')
      .executeTakeFirst();
    if (!station) continue;
    const serving = (kind: 'officer' | 'auxiliary') =>
      allPeople(ctx.db).where('org_id', '=', station.id).where('kind', '=', kind).where('status', '=', 'serving');
    const people = await serving('officer').orderBy('id').limit(6).execute();
    if (people.length === 0) continue;
    for (const [i, p] of people.entries()) {
      const [kind, reason, score] = ENTRIES[(n + i) % ENTRIES.length]!;
      await addEntry(ctx, ALL, systemActor, {
        personId: p.id,
        date: addDays(on, -12 - ((n * 7 + i * 23) % 200)),
        kind,
        category: i % 4 === 3 ? 'onsite' : 'daily',
        reason,
        score,
      });
      if (i % 2 === 0) {
        const [topic, followUp] = TALKS[(n + i) % TALKS.length]!;
        await addTalk(ctx, ALL, systemActor, {
          personId: p.id,
          date: addDays(on, -30 - ((n * 5 + i * 11) % 90)),
          talker: i === 0 ? '所长' : '教导员',
          topic,
          followUp,
          officerAgreed: i === 0,
        });
      }
      if (i === 1)
        await addCareContact(ctx, ALL, systemActor, {
          personId: p.id,
          date: addDays(on, -60 - n),
          kind: 'award_home',
          participants: '所长、教导员',
          note: '送三等功喜报到家',
        });
      if (i === 2)
        await addCareContact(ctx, ALL, systemActor, {
          personId: p.id,
          date: addDays(on, -45 - n * 2),
          kind: 'home_visit',
          participants: '政治处主任、社区民警',
        });
    }
    const round = await openRound(ctx, ALL, systemActor, {
      schemeId: ids[0]!,
      orgId: station.id,
      period,
      startDate: `${period}-01-01`,
      endDate: `${period}-12-31`,
    });
    // Every third branch is still scoring; the others have scored everyone, ready for review.
    const detail = await ctx.db.selectFrom('asm_result').select(['id']).where('round_id', '=', round.id).orderBy('id').execute();
    const scored = n % 3 === 0 ? detail.slice(0, Math.ceil(detail.length / 2)) : detail;
    for (const [i, r] of scored.entries())
      await setManualScores(ctx, ALL, systemActor, round.id, r.id, {
        scores: [
          { key: 'de', points: 15 + ((i + n) % 6), evidence: '党支部民主评议' },
          { key: 'ji', points: 17 + ((i * 3 + n) % 9), evidence: '全年办案数量与质量' },
          { key: 'lian', points: (i + n) % 11 === 0 ? 3 : 5, evidence: '廉政档案' },
        ],
      });
    rounds += 1;
    // The station's auxiliaries in their own scheme, opened and not yet scored.
    if (await serving('auxiliary').executeTakeFirst()) {
      await openRound(ctx, ALL, systemActor, {
        schemeId: ids[1]!,
        orgId: station.id,
        period,
        startDate: `${period}-01-01`,
        endDate: `${period}-12-31`,
      });
      rounds += 1;
    }
  }
  return rounds;
}
