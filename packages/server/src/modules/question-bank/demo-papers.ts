import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { createPaper, setPaperRetired } from './paper-service.ts';

/** Scores of the fixed paper by question, 100 in all. */
const FIXED_SCORES = [4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 4, 4, 4, 4, 6, 6, 6, 9, 9];

export interface DemoBranch {
  readonly id: string;
  /** 西湖分局 … */
  readonly shortName: string;
}

/**
 * A branch's own papers (试卷), composed from the city bank: papers are scoped by their owner
 * org, so a branch sees only the papers it made, while the city bank it draws from is shared
 * read-only. A fixed paper, an objective one, a rule paper and a retired one (shown under "all"). The bank's
 * questions come in `sampleQuestions` order: 6 single, 4 multiple, 4 true/false, 3 blanks, 2 short.
 */
export async function seedBranchPapers(
  ctx: AppContext,
  bank: { bankId: string; questionIds: readonly string[] },
  branch: DemoBranch,
): Promise<{ fixedPaperId: string; rulePaperId: string; objectivePaperId: string }> {
  const scope = { all: true } as const;
  const year = ctx.clock.now().getUTCFullYear();
  const common = { shuffleQuestions: true, shuffleOptions: true, partialCredit: 0.5, timeMinutes: 60, passScore: 60 };
  const fixed = await createPaper(ctx, scope, systemActor, {
    title: `${branch.shortName}执法资格法律知识测试（固定卷）`,
    kind: 'fixed',
    orgId: branch.id,
    items: bank.questionIds.map((questionId, i) => ({ questionId, score: FIXED_SCORES[i] ?? 4 })),
    ...common,
  });
  const rule = await createPaper(ctx, scope, systemActor, {
    title: `${branch.shortName}${year}年度治安管理月度练习（抽题卷）`,
    kind: 'rule',
    orgId: branch.id,
    bankIds: [bank.bankId],
    rules: [
      { type: 'single', count: 5, score: 4 },
      { type: 'multiple', count: 3, score: 10 },
      { type: 'true_false', count: 4, score: 5 },
      { type: 'fill_blank', count: 2, score: 10 },
      { type: 'short_answer', count: 1, score: 10 },
    ],
    ...common,
  });
  // Objective questions only (single, multiple, true/false): marked on submission, no grading.
  const objective = await createPaper(ctx, scope, systemActor, {
    title: `${branch.shortName}执法基础知识测试（客观题）`,
    kind: 'fixed',
    orgId: branch.id,
    items: bank.questionIds.slice(0, 14).map((questionId, i) => ({ questionId, score: i < 6 ? 5 : i < 10 ? 10 : 7.5 })),
    ...common,
  });
  const old = await createPaper(ctx, scope, systemActor, {
    title: `${branch.shortName}${year - 1}年新警入职法律基础测试`,
    kind: 'fixed',
    orgId: branch.id,
    items: bank.questionIds.slice(0, 10).map((questionId) => ({ questionId, score: 10 })),
    ...common,
    shuffleOptions: false,
  });
  await setPaperRetired(ctx, scope, systemActor, old.id, true);
  return { fixedPaperId: fixed.id, rulePaperId: rule.id, objectivePaperId: objective.id };
}
