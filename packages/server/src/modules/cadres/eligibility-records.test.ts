import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { addAwardLine, addDisciplineLine, addPastLevelLines, addTrainingRecord, recordAppraisal } from '../personnel/people.ts';
import { makeOfficer } from './test-support.ts';

/**
 * The eligibility table of core (eligibility.test.ts) once more, but with every input written to
 * the person's record through personnel's face and read back by the cadres route: years in grade
 * (months, excluded years, 2016-converted years), discipline blocks, merit early promotion, bands
 * and the training gate come out the same on both databases, each refusal in words.
 */
interface Case {
  name: string;
  track: 'grade' | 'rank';
  officer?: Officer;
  /** Appraisal years other than 称职. */
  grades?: [number, string][];
  past?: { level: string; startDate: string; endDate: string }[];
  discipline?: { kind: string; date: string; endDate: string | null };
  award?: { level: string; date: string };
  training?: { course: string; date: string };
  asOf: string;
  status: string;
  counted?: number;
  /** Left out where the core table does not fix it either. */
  due?: string | null;
  says?: string;
}

type Officer = NonNullable<Parameters<typeof makeOfficer>[3]>;
const base: Officer = { levelDate: '2022-06-15', policeStartDate: '2010-07-01', workStartDate: '2010-07-01', appraisalYears: [2010, 2025] };
const rank: Officer = { ...base, officerLevel: '608', rank: '04', rankDate: '2021-12-01' };

const cases: Case[] = [
  {
    name: '24 months from the month of appointment',
    track: 'grade',
    asOf: '2024-06-01',
    status: 'eligible',
    counted: 24,
    due: '2024-06-01',
  },
  { name: 'one month short', track: 'grade', asOf: '2024-05-31', status: 'not_yet', counted: 23, due: '2024-06-01' },
  {
    name: 'a 基本称职 year is excluded: 12 months later',
    track: 'grade',
    grades: [[2023, '基本称职']],
    asOf: '2024-06-01',
    status: 'not_yet',
    counted: 12,
    due: '2025-06-01',
    says: '2023年考核为基本称职，该年12个月不计入任职年限',
  },
  {
    name: 'years without an appraisal result are excluded',
    track: 'grade',
    officer: { ...base, appraisalYears: [2010, 2022] },
    asOf: '2025-03-01',
    status: 'not_yet',
    counted: 9,
    due: '2026-06-01',
  },
  {
    name: '2016 四级警长 years convert into 四级警长',
    track: 'grade',
    officer: { ...base, levelDate: '2019-06-01' },
    past: [{ level: '704', startDate: '2018-06-01', endDate: '2019-06-01' }],
    asOf: '2020-06-01',
    status: 'eligible',
    counted: 24,
    due: '2020-06-01',
  },
  {
    name: '2016 三级警长 does not count toward 四级警长',
    track: 'grade',
    officer: { ...base, levelDate: '2019-06-01' },
    past: [{ level: '703', startDate: '2017-01-01', endDate: '2019-06-01' }],
    asOf: '2020-06-01',
    status: 'not_yet',
    counted: 12,
    due: '2021-06-01',
  },
  {
    name: '警告 blocks for 6 months',
    track: 'grade',
    discipline: { kind: '警告', date: '2024-03-10', endDate: null },
    asOf: '2024-06-01',
    status: 'blocked',
    due: '2024-09-10',
    says: '受警告处分',
  },
  {
    name: 'a discipline end on record wins',
    track: 'grade',
    discipline: { kind: '记过', date: '2024-01-01', endDate: '2024-05-01' },
    asOf: '2024-06-01',
    status: 'eligible',
    due: '2024-06-01',
  },
  {
    name: '不称职 in the latest year blocks',
    track: 'grade',
    grades: [[2025, '不称职']],
    asOf: '2026-03-01',
    status: 'blocked',
    says: '最近一次年度考核（2025年）为不称职，不得晋升',
  },
  {
    name: 'rank: 3 years from 二级警司',
    track: 'rank',
    officer: rank,
    asOf: '2024-12-01',
    status: 'eligible',
    counted: 36,
    due: '2024-12-01',
  },
  {
    name: 'rank: 一等功 at the current rank shortens the period by a year',
    track: 'rank',
    officer: rank,
    award: { level: '一等功', date: '2022-08-01' },
    asOf: '2023-12-01',
    status: 'eligible',
    due: '2023-12-01',
    says: '可提前晋升',
  },
  {
    name: 'rank: a 嘉奖 does not',
    track: 'rank',
    officer: rank,
    award: { level: '嘉奖', date: '2022-08-01' },
    asOf: '2023-12-01',
    status: 'not_yet',
    due: '2024-12-01',
  },
  {
    name: 'rank: the band of the grade caps it',
    track: 'rank',
    officer: { ...rank, officerLevel: '612', rank: '05', rankDate: '2021-12-01' },
    asOf: '2026-01-01',
    status: 'blocked',
    says: '职级二级警员对应警衔二级警员至一级警司，已达上限，须先晋升职级',
  },
  {
    name: 'rank: 警司 → 警督 needs the promotion training',
    track: 'rank',
    officer: { ...rank, officerLevel: '606', rank: '05', rankDate: '2020-01-01' },
    asOf: '2025-01-01',
    status: 'blocked',
    says: '晋升三级警督须经警督晋升培训，未见培训记录',
  },
  {
    name: 'rank: with the training on record it is due',
    track: 'rank',
    officer: { ...rank, officerLevel: '606', rank: '05', rankDate: '2020-01-01' },
    training: { course: '晋升警督任职资格培训', date: '2023-05-01' },
    asOf: '2025-01-01',
    status: 'eligible',
    due: '2024-01-01',
  },
  {
    name: 'rank: discipline defers the rank',
    track: 'rank',
    officer: rank,
    discipline: { kind: '记过', date: '2024-10-01', endDate: null },
    asOf: '2024-12-01',
    status: 'blocked',
    due: '2025-10-01',
    says: '受记过处分',
  },
];

interface EligibilityView {
  track: string;
  status: string;
  countedMonths: number;
  dueDate: string | null;
  reasons: { ok: boolean; zh: string; en: string }[];
}

describe.each(dialects)('promotion eligibility from the record on %s', (dialect) => {
  let t: TestApp;
  let city: Client;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const station = await makeOrg(t.ctx, await makeOrg(t.ctx, root, '上城分局'), '清波派出所', { type: 'station' });
    await makeUser(t.ctx, 'eligcity', root, 'Elig#Pass12345', [await makeRole(t.ctx, 'elig', ['cadres:read'], 'all')]);
    city = await login(t.app, 'eligcity', 'Elig#Pass12345');
    let n = 0;
    for (const c of cases) {
      n += 1;
      const id = await makeOfficer(t.ctx, station, `表例${n}`, { ...base, ...c.officer });
      await t.ctx.db.transaction().execute(async (trx) => {
        for (const [year, grade] of c.grades ?? [])
          await recordAppraisal(trx, t.ctx, { personId: id, year, grade, source: 'clerk', note: null });
        if (c.past)
          await addPastLevelLines(
            trx,
            t.ctx,
            c.past.map((p) => ({ personId: id, sequence: 'officer', ...p })),
          );
        if (c.discipline) await addDisciplineLine(trx, t.ctx, { personId: id, reason: null, ...c.discipline });
        if (c.award) await addAwardLine(trx, t.ctx, { personId: id, name: `${c.award.level}`, issuer: null, ...c.award });
        if (c.training) await addTrainingRecord(trx, t.ctx, { personId: id, hours: 40, organizer: null, ...c.training });
      });
      ids.set(c.name, id);
    }
  }, 120_000);
  afterAll(() => t.close());

  for (const c of cases)
    it(c.name, async () => {
      const res = await city.get(`/api/v1/cadres/people/${ids.get(c.name)}?asOf=${c.asOf}`);
      expect(res.statusCode, res.body).toBe(200);
      const e = (res.json().eligibility as EligibilityView[]).find((x) => x.track === c.track)!;
      expect(e.status).toBe(c.status);
      if (c.due !== undefined) expect(e.dueDate).toBe(c.due);
      if (c.counted !== undefined) expect(e.countedMonths).toBe(c.counted);
      const refusals = e.reasons.filter((r) => !r.ok);
      if (c.status === 'blocked' || c.status === 'not_yet') {
        // Every refusal is explained in words, in both languages.
        expect(refusals.length).toBeGreaterThan(0);
        for (const r of refusals) expect([r.zh.length > 4, r.en.length > 4]).toEqual([true, true]);
      }
      if (c.says) expect(e.reasons.map((r) => r.zh).join('；')).toContain(c.says);
    });
});
