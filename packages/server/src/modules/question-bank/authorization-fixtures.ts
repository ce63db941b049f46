import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { createBank } from './bank-service.ts';
import { createPaper } from './paper-service.ts';
import { createQuestion } from './question-service.ts';

const base = '/api/v1/question-bank';

/** Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts). */
export const questionBankAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, orgB1, MARK }) => {
  const all = { all: true } as const;
  const bank = await createBank(ctx, all, systemActor, { name: `乙题库-${MARK}`, orgId: orgB1 });
  const tags = { policeCategory: `警种-${MARK}`, subject: `科目-${MARK}`, sourceLaw: `依据-${MARK}`, difficulty: 3 };
  const question = await createQuestion(ctx, all, systemActor, {
    bankId: bank.id,
    type: 'single',
    stem: `乙题干-${MARK}`,
    options: [`甲-${MARK}`, '乙'],
    correct: ['A'],
    ...tags,
  });
  await createQuestion(ctx, all, systemActor, { bankId: bank.id, type: 'true_false', stem: `乙判断-${MARK}`, correct: ['T'], ...tags });
  const settings = { shuffleQuestions: true, shuffleOptions: true, partialCredit: 0.5 };
  const paper = await createPaper(ctx, all, systemActor, {
    title: `乙试卷-${MARK}`,
    kind: 'fixed',
    orgId: orgB,
    items: [{ questionId: question.id, score: 5 }],
    ...settings,
  });
  const rule = { type: 'single' as const, count: 1, score: 5 };
  const questionBody = { type: 'single', stem: '入侵', options: ['a', 'b'], correct: ['A'], difficulty: 3 };
  const paperBody = { title: '入侵', kind: 'rule', bankIds: [bank.id], rules: [rule], ...settings };
  return {
    params: {
      [`${base}/banks`]: bank.id,
      [`${base}/questions`]: question.id,
      [`${base}/questions/:id/versions/:versionNo#versionNo`]: '1',
      [`${base}/papers`]: paper.id,
    },
    bodies: {
      [`POST ${base}/banks`]: { name: '入侵', orgId: orgB },
      [`PATCH ${base}/banks/:id`]: { name: 'hijacked' },
      [`POST ${base}/questions`]: { bankId: bank.id, ...questionBody },
      [`PUT ${base}/questions/:id`]: questionBody,
      [`POST ${base}/papers`]: { ...paperBody, orgId: orgB },
      [`PUT ${base}/papers/:id`]: paperBody,
      [`POST ${base}/papers/check-rules`]: { bankIds: [bank.id], rules: [rule] },
    },
  };
};
