import { DEFAULT_AUX_SCHEME, DEFAULT_OFFICER_SCHEME, DEFAULT_WARTIME_SCHEME, type SchemeBody } from '@zhenggong/core';
import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople } from '../personnel/people.ts';
import { addCareContact, addEntry, addTalk } from './daily-service.ts';
import { openRound, setManualScores } from './round-service.ts';
import { createScheme, publishScheme } from './scheme-service.ts';

const ALL = { all: true } as const;

/**
 * The assessment part of the demo (seed-demo): the three default schemes published, a 2025
 * annual round in three stations (one partly scored, two fully scored and ready for review),
 * and daily entries, talks and family care contacts. Once: a database with schemes is left alone.
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
  const stations = await ctx.db
    .selectFrom(allPeople(ctx.db).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['o.id'])
    .where('o.type', '=', 'station')
    .where('p.kind', '=', 'officer')
    .groupBy('o.id')
    .orderBy('o.id')
    .limit(3)
    .execute();
  let rounds = 0;
  for (const [n, st] of stations.entries()) {
    const people = await allPeople(ctx.db).where('org_id', '=', st.id).where('kind', '=', 'officer').orderBy('id').limit(30).execute();
    for (const [i, p] of people.slice(0, 6).entries()) {
      await addEntry(ctx, ALL, systemActor, {
        personId: p.id,
        date: `2025-0${(i % 9) + 1}-15`,
        kind: i % 3 === 0 ? 'negative' : 'positive',
        category: 'daily',
        reason: i % 3 === 0 ? '值班迟到' : '群众来信表扬',
        score: 1 + (i % 3),
      });
      if (i % 2 === 0)
        await addTalk(ctx, ALL, systemActor, {
          personId: p.id,
          date: '2026-03-10',
          talker: '所长',
          topic: '工作与家庭情况',
          followUp: '调整排班',
          officerAgreed: false,
        });
      if (i === 1)
        await addCareContact(ctx, ALL, systemActor, {
          personId: p.id,
          date: '2026-02-05',
          kind: 'award_home',
          participants: '所长、教导员',
          note: '送三等功喜报到家',
        });
      if (i === 2)
        await addCareContact(ctx, ALL, systemActor, { personId: p.id, date: '2026-01-20', kind: 'home_visit', participants: '政治处主任' });
    }
    const round = await openRound(ctx, ALL, systemActor, {
      schemeId: ids[0]!,
      orgId: st.id,
      period: '2025',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    const detail = await ctx.db.selectFrom('asm_result').select(['id']).where('round_id', '=', round.id).orderBy('id').execute();
    const scored = n === 0 ? detail.slice(0, Math.ceil(detail.length / 2)) : detail;
    for (const [i, r] of scored.entries())
      await setManualScores(ctx, ALL, systemActor, round.id, r.id, {
        scores: [
          { key: 'de', points: 15 + (i % 6), evidence: '党支部民主评议' },
          { key: 'ji', points: 17 + ((i * 3) % 9), evidence: '全年办案数量与质量' },
          { key: 'lian', points: i % 11 === 0 ? 3 : 5, evidence: '廉政档案' },
        ],
      });
    rounds += 1;
  }
  return rounds;
}
