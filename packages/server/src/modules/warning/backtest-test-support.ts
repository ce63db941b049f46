import { makeIdNumber, monthEndOfIndex, ewMonthIndex, type FactKind } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { addAwardLine, addDisciplineLine, addTrainingRecords, createPersonRecord, type TrainingRecord } from '../personnel/people.ts';
import { makeOrg } from '../../test-support/factories.ts';
import { recordFacts, type RecordedFact } from './fact-intake.ts';

/**
 * Synthetic histories with planted truth (design §A12, a port of Appendix C's sim.mjs) written
 * into the real tables: people and units through personnel, discipline, awards and training on
 * the person's record, the other facts as recorded facts. Planted: 8 % of people have a 6-month
 * deterioration episode (overtime up, leave not taken, exam scores down, wearable alerts up,
 * complaints and discipline up) with adverse-outcome risk in its months 3–6; traffic units log
 * complaints at twice the rate (recording bias unrelated to outcomes); patrol has a slightly
 * higher true base rate; 40 % of people have no wearable consent.
 */
export const UNIT_TYPES = [
  { name: 'patrol', orgType: 'station', post: '社区民警', unit: '派出所', ot: 40, cmp: 0.06, out: 0.003 },
  { name: 'investigation', orgType: 'brigade', post: '刑侦民警', unit: '刑侦中队', ot: 35, cmp: 0.03, out: 0.002 },
  { name: 'traffic', orgType: 'team', post: '交通民警', unit: '交警中队', ot: 38, cmp: 0.06, out: 0.002 },
  { name: 'office', orgType: 'department', post: '机关民警', unit: '机关科室', ot: 12, cmp: 0.01, out: 0.0015 },
] as const;
export const TRAFFIC_COMPLAINT_BIAS = 2;
const EPISODE_SHARE = 0.08;

/** The first simulated month is January 2023; month t ends at `asOfMonth(t)`. */
export const FIRST_MONTH = ewMonthIndex('2023-01-01');
export const asOfMonth = (t: number) => monthEndOfIndex(FIRST_MONTH + t);
const dayOf = (t: number, day: number) => `${asOfMonth(t).slice(0, 8)}${String(Math.min(28, Math.max(1, day))).padStart(2, '0')}`;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Planted {
  readonly personId: string;
  readonly name: string;
  readonly type: (typeof UNIT_TYPES)[number]['name'];
  readonly episodeStart: number;
}

export interface GeneratedForce {
  readonly rootId: string;
  readonly people: readonly Planted[];
  readonly months: number;
}

/** Generates `n` officers in `units` units over `months` months for a seed; the same seed writes the same history. */
export async function generateForce(
  ctx: AppContext,
  seed: number,
  opts: { n?: number; units?: number; months?: number } = {},
): Promise<GeneratedForce> {
  const n = opts.n ?? 3000;
  const unitCount = opts.units ?? 30;
  const months = opts.months ?? 36;
  const rnd = mulberry32(seed);
  const randn = () => {
    let u = 0;
    while (u === 0) u = rnd();
    const v = rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const poisson = (l: number) => {
    const L = Math.exp(-l);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rnd();
    } while (p > L);
    return k - 1;
  };
  const rootId = await makeOrg(ctx, null, `回测市公安局${seed}`, { type: 'city_bureau' });
  const branchId = await makeOrg(ctx, rootId, `回测分局${seed}`, { type: 'branch' });
  const unitIds: string[] = [];
  for (let u = 0; u < unitCount; u++) {
    const type = UNIT_TYPES[u % 4] ?? UNIT_TYPES[0];
    unitIds.push(await makeOrg(ctx, branchId, `${type.unit}${u + 1}`, { type: type.orgType }));
  }
  const people: Planted[] = [];
  const facts: RecordedFact[] = [];
  const training: TrainingRecord[] = [];
  const discipline: { personId: string; date: string }[] = [];
  const awards: { personId: string; date: string }[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const unit = Math.floor(rnd() * unitCount);
      const type = UNIT_TYPES[unit % 4] ?? UNIT_TYPES[0];
      const female = rnd() >= 0.8;
      const ageBand = Math.floor(rnd() * 3);
      const consent = rnd() < 0.6;
      const prop = Math.exp(0.3 * randn());
      const episodeStart = rnd() < EPISODE_SHARE ? 6 + Math.floor(rnd() * 28) : -99;
      const birth = `${[1998, 1985, 1972][ageBand]}-0${1 + (i % 9)}-1${i % 10}`;
      const name = `回测${seed}-${i}`;
      const input = {
        kind: 'officer' as const,
        name,
        // A valid GB 11643 number; the sex digit follows the planted sex.
        idNumber: makeIdNumber('330102', birth, 2 * (i % 400) + (female ? 2 : 1)),
        orgId: unitIds[unit] ?? branchId,
        post: type.post,
      };
      const { id } = await createPersonRecord(trx, ctx, input, '2020-01-01');
      people.push({ personId: id, name, type: type.name, episodeStart });
      if (consent) facts.push({ personId: id, kind: 'wearable_consent', eventDate: '2022-12-01', knownDate: '2022-12-01', value: 1 });
      const add = (kind: FactKind, t: number, value: number, day = 15, lag = 0) => {
        const eventDate = dayOf(t, day);
        facts.push({ personId: id, kind, eventDate, knownDate: addDays(eventDate, lag), value });
      };
      for (let t = 0; t < months; t++) {
        const e = t - episodeStart;
        const r = e >= 0 && e < 6 ? (e + 1) / 6 : 0;
        const cmpRate = type.cmp * prop * (1 + 2 * r) * (type.name === 'traffic' ? TRAFFIC_COMPLAINT_BIAS : 1);
        const outP = type.out + (e >= 2 && e < 6 ? 0.25 : 0);
        // The month's overtime sheet is closed and recorded on the 28th.
        add('overtime', t, Math.round(Math.max(0, type.ot + 25 * r + 6 * randn()) * 10) / 10, 28);
        const taken = Math.max(0, 1.25 * (1 - 0.9 * r) + 0.5 * randn());
        if (taken > 0) add('leave_taken', t, Math.round(taken * 100) / 100, 20);
        add('exam_score', t, Math.round(Math.min(100, 80 + 6 * randn() - 12 * r) * 10) / 10, 15, 3);
        const complaints = poisson(cmpRate);
        for (let c = 0; c < complaints; c++) {
          // One complaint in ten reaches the record a month or two later (known after its event).
          const late = rnd() < 0.1 ? 30 + Math.floor(rnd() * 30) : 0;
          add('complaint', t, 1, 1 + Math.floor(rnd() * 28), late);
        }
        for (let d = poisson(0.01 + 0.05 * r); d > 0; d--) discipline.push({ personId: id, date: dayOf(t, 10) });
        const health = consent ? poisson(0.05 + 0.4 * r) : 0;
        for (let h = 0; h < health; h++) add('wearable_alert', t, 1, 5 + h);
        if (rnd() < 0.02 + 0.1 * r) add('care_contact', t, 1, 12);
        if (rnd() < 0.85) training.push({ personId: id, date: dayOf(t, 8), course: '全警实战大练兵', hours: 8, organizer: null });
        if (rnd() < 0.02) awards.push({ personId: id, date: dayOf(t, 25) });
        if (rnd() < outP) add('outcome', t, 1, 18);
      }
    }
    await recordFacts(trx, ctx, facts);
    await addTrainingRecords(trx, ctx, training);
    for (const d of discipline)
      await addDisciplineLine(trx, ctx, { personId: d.personId, date: d.date, kind: '警告', reason: null, endDate: addDays(d.date, 182) });
    for (const a of awards)
      await addAwardLine(trx, ctx, { personId: a.personId, date: a.date, name: '嘉奖', level: '嘉奖', issuer: '回测市公安局' });
  });
  return { rootId, people, months };
}
