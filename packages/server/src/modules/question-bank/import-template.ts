import { importColumns, IMPORT_MAX_ROWS } from '@zhenggong/core';
import ExcelJS from 'exceljs';

const examples: Record<string, string | number>[] = [
  {
    type: '单选',
    stem: '人民警察的警衔分为几等？',
    optionA: '三等',
    optionB: '四等',
    optionC: '五等',
    optionD: '六等',
    answer: 'C',
    analysis: '警衔分为五等十三级。',
    policeCategory: '综合',
    subject: '法律基础',
    difficulty: '易',
    sourceLaw: '中华人民共和国人民警察警衔条例',
  },
  {
    type: '多选',
    stem: '治安管理处罚的种类包括：',
    optionA: '警告',
    optionB: '罚款',
    optionC: '行政拘留',
    optionD: '吊销公安机关发放的许可证',
    answer: 'ABCD',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: 2,
    sourceLaw: '中华人民共和国治安管理处罚法',
  },
  {
    type: '判断',
    stem: '不满十四周岁的人违反治安管理的，应当给予行政拘留处罚。',
    answer: '错误',
    policeCategory: '治安',
    subject: '治安管理',
    difficulty: '中',
    sourceLaw: '中华人民共和国治安管理处罚法',
  },
  {
    type: '填空',
    stem: '询问查证的时间不得超过____小时；情况复杂的，不得超过____小时。',
    answer: '8/八|24/二十四',
    policeCategory: '治安',
    difficulty: 4,
    sourceLaw: '中华人民共和国治安管理处罚法',
  },
  {
    type: '简答',
    stem: '简述治安管理处罚应当遵循的原则。',
    answer: '以事实为依据……；公开、公正……；教育与处罚相结合。',
    policeCategory: '治安',
    difficulty: '较难',
  },
];

/**
 * The import template: the first sheet holds the header only (it is what gets imported); a
 * second sheet shows filled-in examples and a third explains each column.
 */
export async function questionTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhenggong 智慧政工';
  const headerOf = (c: (typeof importColumns)[number]) => `${c.required ? '*' : ''}${c.headers[0]}`;
  const sheet = (name: string) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Text format throughout, so answers like 1995 or 0.5 stay as typed.
    ws.columns = importColumns.map((c) => ({ header: headerOf(c), width: c.width, style: { numFmt: '@' } }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };
  sheet('试题');
  const ex = sheet('填写示例');
  for (const e of examples) ex.addRow(importColumns.map((c) => e[c.field] ?? ''));
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 90 }];
  const lines: [string, string][] = [
    ['说明', `在“试题”表中每行填写一道题，最多 ${IMPORT_MAX_ROWS} 行；带 * 的列必填。只导入第一个工作表。`],
    ['题型', '单选、多选、判断、填空、简答（也可写 单选题、判断题 等）'],
    ['选项A–H', '仅单选、多选填写，至少 2 个，从 A 起连续填写，内容不得重复'],
    [
      '答案',
      '单选写一个字母（C）；多选写两个以上字母（ABD 或 A,B,D）；判断写 正确/错误（或 对/错、√/×）；填空按空的顺序用 | 分隔，同一空的多个可接受答案用 / 分隔（8/八|24/二十四），题干中的空写作 ____ 或 （）；简答写参考答案',
    ],
    ['难度', '1–5，或 易、较易、中、较难、难；不填为 中（3）'],
    ['警种、科目、依据', '用于组卷规则筛选，请在同一题库中保持写法一致（如 治安、中华人民共和国治安管理处罚法）'],
    ['导入', '先“预检”查看问题（行号、列号、原因），全部无误后再“导入”；有任何问题时不导入任何试题'],
  ];
  for (const l of lines) help.addRow(l).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
