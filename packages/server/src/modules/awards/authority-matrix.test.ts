import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test-support/test-app.ts';
import { awardWorld, makeOfficer, nomination, type AwardWorld } from './awards-test-support.ts';

const A = '/api/v1/awards';

/**
 * The authority matrix (奖励条令 135 Arts. 13–15; 辅警 rule) through the nomination route on each
 * database: the recipient's org level is read from the stored org tree, the matrix from the
 * stored rule data, and the case goes to the to-do list of the organ that decides (or reviews and
 * reports upward). The core test holds the same table against the matrix alone.
 */
type Row = readonly [
  level: string,
  kind: 'officer' | 'auxiliary',
  recipient: 'individual' | 'collective',
  orgLevel: 'unit' | 'branch' | 'city_organ',
  leadership: boolean,
  approver: 'branch' | 'city' | 'province' | 'ministry',
  notice: boolean,
];
const rows: readonly Row[] = [
  ['嘉奖', 'officer', 'individual', 'unit', false, 'city', false],
  ['三等功', 'officer', 'individual', 'unit', false, 'city', true],
  ['三等功', 'officer', 'individual', 'branch', true, 'city', true],
  ['二等功', 'officer', 'individual', 'unit', false, 'province', true],
  ['一等功', 'officer', 'individual', 'unit', false, 'ministry', true],
  ['荣誉称号', 'officer', 'individual', 'unit', false, 'ministry', true],
  ['嘉奖', 'officer', 'individual', 'city_organ', true, 'province', false],
  ['三等功', 'officer', 'individual', 'city_organ', true, 'province', true],
  ['三等功', 'officer', 'individual', 'city_organ', false, 'city', true],
  ['二等功', 'officer', 'individual', 'city_organ', true, 'province', true],
  ['三等功', 'officer', 'collective', 'city_organ', false, 'province', true],
  ['三等功', 'officer', 'collective', 'unit', false, 'city', true],
  ['一等功', 'officer', 'collective', 'branch', false, 'ministry', true],
  ['嘉奖', 'auxiliary', 'individual', 'unit', false, 'branch', false],
  ['三等功', 'auxiliary', 'individual', 'unit', false, 'city', true],
  ['二等功', 'auxiliary', 'individual', 'unit', false, 'province', true],
  ['一等功', 'auxiliary', 'individual', 'unit', false, 'province', true],
];

describe.each(dialects)('award authority matrix through the nomination route on %s', (dialect) => {
  let w: AwardWorld;
  const orgOf = () => ({ unit: w.ids.station, branch: w.ids.branchOffice, city_organ: w.ids.cityOffice });
  const pending = async (who: 'branch' | 'city2') =>
    (await w.c[who].get('/api/v1/workflow/todo?box=pending')).json<{ items: { caseId: string }[] }>().items.map((i) => i.caseId);

  beforeAll(async () => {
    w = await awardWorld(dialect);
    await w.setDay('2026-09-28');
  }, 180_000);
  afterAll(() => w.t.close());

  let n = 0;
  it.each(rows)('%s for %s %s at %s (leadership %s) → %s', async (level, kind, recipient, orgLevel, leadership, approver, notice) => {
    n += 1;
    const org = orgOf()[orgLevel];
    const subject =
      recipient === 'individual'
        ? { personIds: [await makeOfficer(w.t, org, `矩阵${n}号`, kind)] }
        : { recipient: 'collective', personIds: [], orgId: org };
    // The city's political department proposes: its remit reaches every level.
    const res = await w.c.city.post(
      `${A}/nominations`,
      nomination([], { ...subject, level, title: `记${level}`, deedTitle: `矩阵事迹${n}`, leadership }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; caseId: string; approverLevel: string; needsNotice: boolean }>();
    expect(body).toMatchObject({ approverLevel: approver, needsNotice: notice });
    const detail = (await w.c.city.get(`${A}/nominations/${body.id}`)).json<{ approverBasis: string }>();
    expect(detail.approverBasis).toMatch(/135|辅警/);
    // A branch award waits at the branch's political office; anything higher at the city bureau's.
    expect(await pending(approver === 'branch' ? 'branch' : 'city2')).toContain(body.caseId);
  });

  it('an auxiliary 荣誉称号 has no approving organ and is refused in words', async () => {
    const person = await makeOfficer(w.t, w.ids.station, '矩阵辅警', 'auxiliary');
    const res = await w.c.city.post(
      `${A}/nominations`,
      nomination([person], { level: '荣誉称号', title: '授予荣誉称号', deedTitle: '矩阵荣誉' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('没有可以批准');
  });
});
