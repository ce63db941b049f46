import type { CreateQuestionBody } from '@zhenggong/core';
import { systemActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { createBank } from './bank-service.ts';
import { createPaper } from './paper-service.ts';
import { createQuestion } from './question-service.ts';

type Q = Omit<CreateQuestionBody, 'bankId'>;
const law = '中华人民共和国人民警察法';
const order = '中华人民共和国治安管理处罚法';

/** A small realistic bank (人民警察法 / 治安管理处罚法) for tests and demos: 6 + 4 + 4 + 3 + 2 questions. */
export const sampleQuestions: readonly Q[] = [
  {
    type: 'single',
    stem: '人民警察法的立法目的不包括下列哪一项？',
    options: ['维护国家安全', '维护社会治安秩序', '保护公民的人身安全', '增加财政收入'],
    correct: ['D'],
    difficulty: 1,
    policeCategory: '综合',
    subject: '法律基础',
    sourceLaw: law,
  },
  {
    type: 'single',
    stem: '人民警察的警衔分为几等？',
    options: ['三等', '四等', '五等', '六等'],
    correct: ['C'],
    difficulty: 2,
    policeCategory: '综合',
    subject: '法律基础',
    sourceLaw: law,
  },
  {
    type: 'single',
    stem: '对违反治安管理行为人的传唤后询问查证时间一般不得超过多少小时？',
    options: ['4 小时', '8 小时', '12 小时', '24 小时'],
    correct: ['B'],
    difficulty: 3,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'single',
    stem: '治安管理处罚中，警告、五百元以下的罚款可以由哪一级决定？',
    options: ['公安部', '省级公安机关', '公安派出所', '人民法院'],
    correct: ['C'],
    difficulty: 3,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'single',
    stem: '违反治安管理行为在多长时间内没有被公安机关发现的，不再处罚？',
    options: ['三个月', '六个月', '一年', '二年'],
    correct: ['B'],
    difficulty: 2,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'single',
    stem: '人民警察执行职务，依法受哪类监督？',
    options: ['仅受上级监督', '受人民检察院和行政监察机关的监督', '不受监督', '仅受人民法院监督'],
    correct: ['B'],
    difficulty: 2,
    policeCategory: '综合',
    subject: '执法监督',
    sourceLaw: law,
  },
  {
    type: 'multiple',
    stem: '治安管理处罚的种类包括：',
    options: ['警告', '罚款', '行政拘留', '吊销公安机关发放的许可证'],
    correct: ['A', 'B', 'C', 'D'],
    difficulty: 2,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'multiple',
    stem: '人民警察不得有下列哪些行为？',
    options: ['刑讯逼供', '敲诈勒索', '依法盘问', '非法剥夺他人人身自由'],
    correct: ['A', 'B', 'D'],
    difficulty: 3,
    policeCategory: '综合',
    subject: '纪律作风',
    sourceLaw: law,
  },
  {
    type: 'multiple',
    stem: '下列哪些情形应当从重处罚违反治安管理行为？',
    options: ['有较严重后果的', '教唆、胁迫、诱骗他人违反治安管理的', '主动投案的', '六个月内曾受过治安管理处罚的'],
    correct: ['A', 'B', 'D'],
    difficulty: 4,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'multiple',
    stem: '人民警察的义务包括：',
    options: ['秉公执法', '保守国家秘密', '遇到公民人身安全受到侵犯时立即救助', '从事营利性经营活动'],
    correct: ['A', 'B', 'C'],
    difficulty: 2,
    policeCategory: '综合',
    subject: '法律基础',
    sourceLaw: law,
  },
  {
    type: 'true_false',
    stem: '人民警察遇有拒捕、暴乱、越狱等紧急情形，可以依照规定使用武器。',
    correct: ['T'],
    difficulty: 1,
    policeCategory: '综合',
    subject: '执法规范',
    sourceLaw: law,
  },
  {
    type: 'true_false',
    stem: '不满十四周岁的人违反治安管理的，应当给予行政拘留处罚。',
    correct: ['F'],
    difficulty: 2,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'true_false',
    stem: '人民警察非执行职务时，遇有其职责范围内的紧急情况，应当履行职责。',
    correct: ['T'],
    difficulty: 2,
    policeCategory: '综合',
    subject: '法律基础',
    sourceLaw: law,
  },
  {
    type: 'true_false',
    stem: '治安案件的办理期限一律不得超过十五日。',
    correct: ['F'],
    difficulty: 4,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'fill_blank',
    stem: '人民警察法于____年2月28日通过。',
    blanks: [['1995']],
    difficulty: 3,
    policeCategory: '综合',
    subject: '法律基础',
    sourceLaw: law,
  },
  {
    type: 'fill_blank',
    stem: '行政拘留处罚合并执行的，最长不超过____日。',
    blanks: [['20', '二十']],
    difficulty: 3,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'fill_blank',
    stem: '询问查证的时间不得超过____小时；情况复杂，可能适用行政拘留处罚的，不得超过____小时。',
    blanks: [
      ['8', '八'],
      ['24', '二十四'],
    ],
    difficulty: 4,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
  {
    type: 'short_answer',
    stem: '简述人民警察使用警械的条件。',
    reference:
      '遇有结伙斗殴、殴打他人、寻衅滋事、侮辱妇女或者进行其他流氓活动的，聚众扰乱车站、码头等公共场所秩序的，等等，经警告无效的，可以使用警棍、催泪弹、高压水枪、特种防暴枪等警械。',
    difficulty: 4,
    policeCategory: '综合',
    subject: '执法规范',
    sourceLaw: law,
  },
  {
    type: 'short_answer',
    stem: '简述治安管理处罚应当遵循的原则。',
    reference: '以事实为依据，与违反治安管理行为的性质、情节以及社会危害程度相当；公开、公正，尊重和保障人权；教育与处罚相结合。',
    difficulty: 3,
    policeCategory: '治安',
    subject: '治安管理',
    sourceLaw: order,
  },
];

/**
 * Seeds a bank with `sampleQuestions` in `orgId`, a rule paper and a fixed paper (for tests of
 * this module and of exams). Returns their ids.
 */
export async function seedSampleQuestionBank(
  ctx: AppContext,
  orgId: string,
  name = '法律知识题库',
): Promise<{ bankId: string; questionIds: string[]; rulePaperId: string; fixedPaperId: string }> {
  const scope = { all: true } as const;
  const bank = await createBank(ctx, scope, systemActor, { name, orgId });
  const questionIds: string[] = [];
  for (const q of sampleQuestions) questionIds.push((await createQuestion(ctx, scope, systemActor, { bankId: bank.id, ...q })).id);
  const common = { shuffleQuestions: true, shuffleOptions: true, partialCredit: 0.5, timeMinutes: 60, passScore: 60 };
  const rulePaper = await createPaper(ctx, scope, systemActor, {
    title: '法律知识月考（抽题）',
    kind: 'rule',
    orgId,
    bankIds: [bank.id],
    rules: [
      { type: 'single', count: 4, score: 5 },
      { type: 'multiple', count: 3, score: 10 },
      { type: 'true_false', count: 3, score: 5 },
      { type: 'fill_blank', count: 2, score: 10 },
      { type: 'short_answer', count: 1, score: 15 },
    ],
    ...common,
  });
  const fixedPaper = await createPaper(ctx, scope, systemActor, {
    title: '法律知识测试（固定）',
    kind: 'fixed',
    orgId,
    items: questionIds.map((questionId, i) => ({ questionId, score: i < 6 ? 4 : 6 })),
    ...common,
  });
  return { bankId: bank.id, questionIds, rulePaperId: rulePaper.id, fixedPaperId: fixedPaper.id };
}
