import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawnPaper } from '@zhenggong/core';
import { makeOrg } from '../../test-support/factories.ts';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { drawPaper, listQuestionVersions } from './draw-paper.ts';
import { updateQuestion } from './question-service.ts';
import { sampleQuestions, seedSampleQuestionBank } from './sample-bank.ts';

const signature = (p: DrawnPaper) => p.items.map((i) => `${i.questionVersionId}:${i.options.map((o) => o.key).join('')}`).join('|');

describe.each(dialects)('drawPaper on %s', (dialect) => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedSampleQuestionBank>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const branch = await makeOrg(t.ctx, root, '上城分局');
    seeded = await seedSampleQuestionBank(t.ctx, branch);
  });
  afterAll(() => t.close());

  it('gives the same paper for the same seed, and rule counts, scores and keys always hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 20 }), async (seed) => {
        const a = await drawPaper(t.ctx.db, seeded.rulePaperId, seed);
        const b = await drawPaper(t.ctx.db, seeded.rulePaperId, seed);
        expect(b).toEqual(a);
        const byType = (type: string) => a.items.filter((i) => i.type === type);
        expect(byType('single')).toHaveLength(4);
        expect(byType('multiple')).toHaveLength(3);
        expect(byType('true_false')).toHaveLength(3);
        expect(byType('fill_blank')).toHaveLength(2);
        expect(byType('short_answer')).toHaveLength(1);
        expect(byType('multiple').every((i) => i.score === 10 && i.partialCredit === 0.5)).toBe(true);
        expect(byType('single').every((i) => i.score === 5 && i.partialCredit === 0)).toBe(true);
        expect(a.totalScore).toBe(100);
        expect(a.items.map((i) => i.no)).toEqual(a.items.map((_, i) => i + 1));
        // Sections keep the rule order: all singles, then multiples, …
        expect(a.items.map((i) => i.type)).toEqual([
          ...Array(4).fill('single'),
          ...Array(3).fill('multiple'),
          ...Array(3).fill('true_false'),
          'fill_blank',
          'fill_blank',
          'short_answer',
        ]);
        expect(new Set(a.items.map((i) => i.questionId)).size).toBe(a.items.length);
        // Option shuffling keeps each key with its own text, and the answer keys name options that exist.
        const versions = new Map(
          (
            await listQuestionVersions(
              t.ctx.db,
              a.items.map((i) => i.questionVersionId),
            )
          ).map((v) => [v.id, v]),
        );
        for (const item of a.items) {
          const v = versions.get(item.questionVersionId);
          expect(v).toBeDefined();
          const byKey = (o: readonly { key: string }[]) => [...o].sort((x, y) => x.key.localeCompare(y.key));
          expect(byKey(item.options)).toEqual(byKey(v?.options ?? []));
          expect(item.key).toEqual(v?.key);
          if (item.key.kind === 'choice') for (const k of item.key.correct) expect(item.options.some((o) => o.key === k)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives different papers for different seeds', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(signature(await drawPaper(t.ctx.db, seeded.rulePaperId, `examinee-${i}`)));
    expect(seen.size).toBeGreaterThan(15);
    const fixed = new Set<string>();
    for (let i = 0; i < 10; i++) fixed.add(signature(await drawPaper(t.ctx.db, seeded.fixedPaperId, `examinee-${i}`)));
    expect(fixed.size).toBeGreaterThan(5);
  });

  it('keeps a drawn paper when the question is edited later; new draws take the new version', async () => {
    const before = await drawPaper(t.ctx.db, seeded.fixedPaperId, 'seed-1');
    const frozen = JSON.parse(JSON.stringify(before)) as DrawnPaper;
    const qid = seeded.questionIds[0] as string;
    const q0 = sampleQuestions[0];
    await updateQuestion(t.ctx, { all: true }, systemActor, qid, { ...q0!, stem: '修改后的题干：人民警察法的立法目的不包括？' } as never);
    const again = await drawPaper(t.ctx.db, seeded.fixedPaperId, 'seed-1');
    // The fixed paper pins the version chosen at compose time.
    expect(again).toEqual(frozen);
    const versions = await listQuestionVersions(
      t.ctx.db,
      before.items.map((i) => i.questionVersionId),
    );
    expect(versions.find((v) => v.questionId === qid)?.stem).toBe(q0?.stem);
  });

  it('refuses an unknown paper', async () => {
    await expect(drawPaper(t.ctx.db, '01900000-0000-7000-8000-000000000000', 's')).rejects.toMatchObject({ code: 'QB_PAPER_NOT_FOUND' });
  });
});
