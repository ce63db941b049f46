import ExcelJS from 'exceljs';
import { importColumns } from '../../packages/core/src/question-bank/import-columns.ts';

/** One row of the question import sheet (columns of the template, 题型 … 依据). */
export interface SampleQuestion {
  readonly type: '单选' | '多选' | '判断' | '填空' | '简答';
  readonly stem: string;
  readonly options?: readonly string[];
  readonly answer: string;
  readonly analysis?: string;
  readonly policeCategory: string;
  readonly subject: string;
  readonly difficulty: string | number;
  readonly sourceLaw: string;
}

const PL = '中华人民共和国人民警察法';
const PS = '中华人民共和国治安管理处罚法';

/**
 * A realistic bank of 34 questions on 人民警察法 and 治安管理处罚法, of every type, tagged with police
 * category (警种), subject, difficulty and source law — what a political department would import.
 */
export const sampleQuestionBank: readonly SampleQuestion[] = [
  // 单选 12
  {
    type: '单选',
    stem: '根据人民警察法，人民警察的任务不包括下列哪一项？',
    options: ['维护国家安全', '维护社会治安秩序', '保护公民的合法财产', '为企业催收债务'],
    answer: 'D',
    analysis: '人民警察法第二条。',
    policeCategory: '综合',
    subject: '法律基础',
    difficulty: '易',
    sourceLaw: PL,
  },
  {
    type: '单选',
    stem: '对被盘问人留置的时间自带至公安机关之时起一般不超过多少小时？',
    options: ['12 小时', '24 小时', '36 小时', '48 小时'],
    answer: 'B',
    analysis: '人民警察法第九条：一般不超过二十四小时，特殊情况经批准可延长至四十八小时。',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: 2,
    sourceLaw: PL,
  },
  {
    type: '单选',
    stem: '担任人民警察应当年满多少周岁？',
    options: ['16 周岁', '18 周岁', '20 周岁', '22 周岁'],
    answer: 'B',
    analysis: '人民警察法第二十六条。',
    policeCategory: '综合',
    subject: '法律基础',
    difficulty: '易',
    sourceLaw: PL,
  },
  {
    type: '单选',
    stem: '人民警察认为上级的决定和命令有错误时，正确的做法是：',
    options: ['拒绝执行', '中止执行', '按规定提出意见，但不得中止或者改变执行', '改变后执行'],
    answer: 'C',
    analysis: '人民警察法第三十二条。',
    policeCategory: '综合',
    subject: '纪律作风',
    difficulty: 3,
    sourceLaw: PL,
  },
  {
    type: '单选',
    stem: '人民警察执行职务，依法接受哪些机关的监督？',
    options: ['仅上级公安机关', '人民检察院和行政监察机关', '仅人民法院', '不受外部监督'],
    answer: 'B',
    analysis: '人民警察法第四十二条。',
    policeCategory: '综合',
    subject: '执法监督',
    difficulty: 2,
    sourceLaw: PL,
  },
  {
    type: '单选',
    stem: '违反治安管理行为在多长时间内没有被公安机关发现的，不再处罚？',
    options: ['三个月', '六个月', '一年', '二年'],
    answer: 'B',
    analysis: '治安管理处罚法第二十二条。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 2,
    sourceLaw: PS,
  },
  {
    type: '单选',
    stem: '治安管理处罚中，警告、五百元以下的罚款可以由哪一级决定？',
    options: ['公安部', '省级公安机关', '公安派出所', '人民法院'],
    answer: 'C',
    analysis: '治安管理处罚法第九十一条。',
    policeCategory: '派出所',
    subject: '治安管理',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '单选',
    stem: '办理治安案件的期限，自受理之日起一般不得超过多少日？',
    options: ['十五日', '二十日', '三十日', '六十日'],
    answer: 'C',
    analysis: '治安管理处罚法第九十九条：案情重大、复杂的，经上一级公安机关批准可以延长三十日。',
    policeCategory: '治安',
    subject: '执法规范',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '单选',
    stem: '不满十四周岁的人违反治安管理的，应当如何处理？',
    options: ['从轻处罚', '减轻处罚', '不予处罚，但应当责令其监护人严加管教', '给予行政拘留'],
    answer: 'C',
    analysis: '治安管理处罚法第十二条。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 2,
    sourceLaw: PS,
  },
  {
    type: '单选',
    stem: '处警告或者多少元以下罚款的，可以当场作出治安管理处罚决定？',
    options: ['五十元', '一百元', '二百元', '五百元'],
    answer: 'C',
    analysis: '治安管理处罚法第一百条。',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: 4,
    sourceLaw: PS,
  },
  {
    type: '单选',
    stem: '公安机关作出吊销许可证或者处多少元以上罚款的决定前，应当告知当事人有权要求听证？',
    options: ['五百元', '一千元', '二千元', '五千元'],
    answer: 'C',
    analysis: '治安管理处罚法第九十八条。',
    policeCategory: '治安',
    subject: '执法规范',
    difficulty: 4,
    sourceLaw: PS,
  },
  {
    type: '单选',
    stem: '被处多少元以下罚款且被处罚人对罚款无异议的，人民警察可以当场收缴罚款？',
    options: ['二十元', '五十元', '一百元', '二百元'],
    answer: 'B',
    analysis: '治安管理处罚法第一百零四条。',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: '较难',
    sourceLaw: PS,
  },
  // 多选 6
  {
    type: '多选',
    stem: '治安管理处罚的种类包括：',
    options: ['警告', '罚款', '行政拘留', '吊销公安机关发放的许可证', '没收违法所得'],
    answer: 'ABCD',
    analysis: '治安管理处罚法第十条；没收违法所得不是处罚种类。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 2,
    sourceLaw: PS,
  },
  {
    type: '多选',
    stem: '人民警察不得有下列哪些行为？',
    options: ['刑讯逼供或者体罚、虐待人犯', '敲诈勒索或者索取、收受贿赂', '依法当场盘问', '从事营利性的经营活动'],
    answer: 'ABD',
    analysis: '人民警察法第二十二条。',
    policeCategory: '综合',
    subject: '纪律作风',
    difficulty: 2,
    sourceLaw: PL,
  },
  {
    type: '多选',
    stem: '下列哪些情形应当从重处罚违反治安管理行为？',
    options: ['有较严重后果的', '教唆、胁迫、诱骗他人违反治安管理的', '主动投案的', '六个月内曾受过治安管理处罚的'],
    answer: 'A,B,D',
    analysis: '治安管理处罚法第二十条。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 4,
    sourceLaw: PS,
  },
  {
    type: '多选',
    stem: '下列哪些情形可以减轻处罚或者不予处罚？',
    options: ['情节特别轻微的', '出于他人胁迫或者诱骗的', '有立功表现的', '对证人打击报复的'],
    answer: 'ABC',
    analysis: '治安管理处罚法第十九条。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '多选',
    stem: '依法应当给予行政拘留处罚但不执行行政拘留的情形有：',
    options: ['已满十四周岁不满十六周岁的', '七十周岁以上的', '怀孕或者哺乳自己不满一周岁婴儿的', '六十周岁以上的'],
    answer: 'ABC',
    analysis: '治安管理处罚法第二十一条。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: '难',
    sourceLaw: PS,
  },
  {
    type: '多选',
    stem: '人民警察使用武器的紧急情形包括：',
    options: ['拒捕', '暴乱', '越狱', '抢夺枪支'],
    answer: 'ABCD',
    analysis: '人民警察法第十条。',
    policeCategory: '综合',
    subject: '执法规范',
    difficulty: 3,
    sourceLaw: PL,
  },
  // 判断 8
  {
    type: '判断',
    stem: '人民警察遇有拒捕、暴乱、越狱等紧急情形，可以依照规定使用武器。',
    answer: '正确',
    policeCategory: '综合',
    subject: '执法规范',
    difficulty: '易',
    sourceLaw: PL,
  },
  {
    type: '判断',
    stem: '不满十四周岁的人违反治安管理的，应当给予行政拘留处罚。',
    answer: '错误',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 2,
    sourceLaw: PS,
  },
  {
    type: '判断',
    stem: '人民警察因履行职责的紧急需要，可以优先乘坐公共交通工具。',
    answer: '对',
    policeCategory: '综合',
    subject: '法律基础',
    difficulty: 2,
    sourceLaw: PL,
  },
  {
    type: '判断',
    stem: '治安案件的办理期限一律不得延长。',
    answer: '错',
    policeCategory: '治安',
    subject: '执法规范',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '判断',
    stem: '询问笔录应当交被询问人核对；对没有阅读能力的，应当向其宣读。',
    answer: '√',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: 2,
    sourceLaw: PS,
  },
  {
    type: '判断',
    stem: '人民警察执行职务，可以不接受社会和公民的监督。',
    answer: '×',
    policeCategory: '综合',
    subject: '执法监督',
    difficulty: '易',
    sourceLaw: PL,
  },
  {
    type: '判断',
    stem: '公安机关作出治安管理处罚决定前，应当告知违反治安管理行为人作出处罚的事实、理由及依据。',
    answer: '正确',
    policeCategory: '治安',
    subject: '执法规范',
    difficulty: 2,
    sourceLaw: PS,
  },
  {
    type: '判断',
    stem: '对违反治安管理的外国人，可以附加适用限期出境或者驱逐出境。',
    answer: '正确',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: '较难',
    sourceLaw: PS,
  },
  // 填空 5
  {
    type: '填空',
    stem: '行政拘留处罚合并执行的，最长不超过____日。',
    answer: '20/二十',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '填空',
    stem: '询问查证的时间不得超过____小时。',
    answer: '8/八',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '填空',
    stem: '情况复杂，依照规定可能适用行政拘留处罚的，询问查证的时间不得超过____小时。',
    answer: '24/二十四',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: 4,
    sourceLaw: PS,
  },
  {
    type: '填空',
    stem: '对被盘问人的留置时间，特殊情况下经县级以上公安机关批准，可以延长至____小时。',
    answer: '48/四十八',
    policeCategory: '派出所',
    subject: '执法规范',
    difficulty: 4,
    sourceLaw: PL,
  },
  {
    type: '填空',
    stem: '人民警察必须执行上级的决定和____。',
    answer: '命令',
    policeCategory: '综合',
    subject: '纪律作风',
    difficulty: 2,
    sourceLaw: PL,
  },
  // 简答 3
  {
    type: '简答',
    stem: '简述治安管理处罚应当遵循的原则。',
    answer:
      '以事实为依据，与违反治安管理行为的性质、情节以及社会危害程度相当；公开、公正，尊重和保障人权，保护公民的人格尊严；坚持教育与处罚相结合。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 3,
    sourceLaw: PS,
  },
  {
    type: '简答',
    stem: '简述人民警察遇到公民人身、财产安全受到侵犯时的职责。',
    answer: '应当立即救助；对公民提出解决纠纷的要求，应当给予帮助；对公民的报警案件，应当及时查处。',
    policeCategory: '综合',
    subject: '法律基础',
    difficulty: 3,
    sourceLaw: PL,
  },
  {
    type: '简答',
    stem: '简述依法应当给予行政拘留处罚但不执行的情形。',
    answer: '已满十四周岁不满十六周岁的；已满十六周岁不满十八周岁，初次违反治安管理的；七十周岁以上的；怀孕或者哺乳自己不满一周岁婴儿的。',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: '难',
    sourceLaw: PS,
  },
];

/** Rows that the import refuses (an answer naming no option, a true/false answer that is neither), to show the problem table. */
export const problemQuestions: readonly SampleQuestion[] = [
  {
    type: '单选',
    stem: '警衔分为几等？',
    options: ['三等', '五等'],
    answer: 'E',
    policeCategory: '综合',
    subject: '法律基础',
    difficulty: 2,
    sourceLaw: PL,
  },
  {
    type: '判断',
    stem: '人民警察可以从事营利性经营活动。',
    answer: '也许',
    policeCategory: '综合',
    subject: '纪律作风',
    difficulty: 1,
    sourceLaw: PL,
  },
];

export const sampleCounts = { 单选: 12, 多选: 6, 判断: 8, 填空: 5, 简答: 3 } as const;

const cellsOf = (q: SampleQuestion): (string | number)[] =>
  importColumns.map((c) => {
    if (c.field.startsWith('option')) return q.options?.['ABCDEFGH'.indexOf(c.field.slice(6))] ?? '';
    const v = (q as unknown as Record<string, string | number | undefined>)[c.field];
    return v ?? '';
  });

/** Writes the import sheet (template header, one question per row); `withProblems` appends rows the import refuses. */
export async function writeQuestionBankXlsx(file: string, opts: { withProblems?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('试题');
  ws.columns = importColumns.map((c) => ({ header: `${c.required ? '*' : ''}${c.headers[0]}`, width: c.width, style: { numFmt: '@' } }));
  for (const q of [...sampleQuestionBank, ...(opts.withProblems ? problemQuestions : [])]) ws.addRow(cellsOf(q));
  await wb.xlsx.writeFile(file);
}
