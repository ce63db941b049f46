import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople } from '../personnel/people.ts';
import { awardDetail } from './award-decision.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

const para = (text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text, font: FONT, size: opts.size ?? 24, ...(opts.bold ? { bold: true } : {}) })],
  });
const cell = (text: string, span = 1, width?: number) =>
  new TableCell({
    columnSpan: span,
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
    children: text.split('\n').map((t) => para(t)),
  });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

const sexName = (s: string | null | undefined) => (s === '1' ? '男' : s === '2' ? '女' : '');

/**
 * The approval form (奖励审批表) of one award as .docx: recipient, deeds, the unit's democratic
 * review and collective decision, the approving organ with the rule that names it, the public
 * notice where required, and the decision once made. A batch lists every recipient.
 */
export async function awardApprovalDocx(ctx: AppContext, scope: ResolvedScope, id: string) {
  const d = await awardDetail(ctx, scope, id);
  const ids = d.subjects.flatMap((s) => (s.personId ? [s.personId] : []));
  const people = ids.length ? await allPeople(ctx.db).where('id', 'in', ids).execute() : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const recipients = d.subjects.map((s) => {
    const p = s.personId ? byId.get(s.personId) : undefined;
    const facts = p ? [sexName(p.sex), p.birth_date?.slice(0, 7), p.post, p.rank ?? p.officer_level].filter(Boolean).join('，') : '集体';
    return `${s.name}（${s.orgName}${facts ? `；${facts}` : ''}）`;
  });
  const noticeText = d.needsNotice ? '按规定在一定范围内公示不少于7个工作日（公示期与异议处理见审批流程记录）' : '本等级无需公示';
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(cell('受奖对象', 1, 20), cell(recipients.join('\n'), 3)),
      row(
        cell('奖励类别'),
        cell(d.recipient === 'collective' ? '集体奖励' : d.batch ? '个人奖励（批量）' : '个人奖励'),
        cell('拟奖等级'),
        cell(d.level),
      ),
      row(cell('奖励名称'), cell(d.title, 3)),
      row(cell('事迹名称'), cell(`${d.deedTitle}（${d.deedDate}）`, 3)),
      row(cell('主要事迹'), cell(d.deedSummary, 3)),
      row(cell('民主评议情况'), cell(d.reviewDemocratic, 3)),
      row(cell('单位集体研究意见'), cell(d.reviewCollective, 3)),
      row(cell('审批机关'), cell(`${d.approverName}（依据：${d.approverBasis}）`, 3)),
      row(cell('公示情况'), cell(noticeText, 3)),
      row(cell('例外情形'), cell(d.exception ? `重大贡献例外：${d.exception.reason}（批准人：${d.exception.allowedBy}）` : '无', 3)),
      row(cell('奖金（元）'), cell(String(d.bonusYuan)), cell('快速通道'), cell(d.fastTrack ? '是' : '否')),
      row(
        cell('批准机关意见'),
        cell(d.decisionNo ? `同意。${d.issuer ?? ''} ${d.decisionNo}，${d.decisionDate ?? ''}` : '\n\n（盖章）    年  月  日', 3),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          para('公安机关人民警察奖励审批表', { bold: true, size: 36, center: true }),
          para(`填报单位：${d.orgName}`, { center: true }),
          table,
        ],
      },
    ],
  });
  return { body: await Packer.toBuffer(doc), name: d.subjects[0]?.name ?? d.title };
}
