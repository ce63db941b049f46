import { beijingDate, gradeName, rankName, type Reason } from '@zhenggong/core';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { caseIdsFor } from '../../platform/workflow/engine.ts';
import { PROMOTION_KIND } from './promotion-kind.ts';
import { promotionInScope } from './promotions.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const actionWords: Record<string, string> = {
  submit: '提交',
  approve: '同意',
  reject: '不同意',
  return: '退回',
  notice_start: '公示开始',
  notice_end: '公示期满',
  object: '提出异议',
  resolve_objection: '处理异议',
  comment: '意见',
};

const text = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, bold, font: '仿宋', size: 24 })] });
const cell = (t: string | string[], span = 1, bold = false) =>
  new TableCell({ columnSpan: span, children: (Array.isArray(t) ? t : [t]).map((line) => text(line, bold)) });

/**
 * The promotion-case approval form (晋升审批表) as Word: the person, from → to, the years counted
 * and every reason of the trace kept at submission, the notice period and each approval step.
 */
export async function promotionFormDocx(ctx: AppContext, scope: ResolvedScope, id: string): Promise<Buffer> {
  const row = await promotionInScope(ctx, scope, id);
  const caseId = (await caseIdsFor(ctx.db, PROMOTION_KIND, [id])).get(id);
  const wfCase = caseId
    ? await ctx.db.selectFrom('wf_case').select(['status', 'notice_ends_on']).where('id', '=', caseId).executeTakeFirst()
    : undefined;
  const actions = caseId
    ? await ctx.db
        .selectFrom('wf_action as a')
        .leftJoin('app_user as u', 'u.id', 'a.actor_id')
        .select(['a.action', 'a.note', 'a.created_at', 'u.display_name'])
        .where('a.case_id', '=', caseId)
        .orderBy('a.created_at')
        .execute()
    : [];
  const name = row.track === 'rank' ? rankName : gradeName;
  const reasons = JSON.parse(row.reasons) as Reason[];
  const what = row.track === 'rank' ? '警衔' : '职级';
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell('姓名', 1, true),
          cell(row.name),
          cell('性别', 1, true),
          cell(row.sex === '1' ? '男' : '女'),
          cell('出生年月', 1, true),
          cell(row.birth_date.slice(0, 7)),
        ],
      }),
      new TableRow({ children: [cell('单位职务', 1, true), cell(`${row.org_name}${row.post ?? ''}`, 5)] }),
      new TableRow({
        children: [cell(`现${what}`, 1, true), cell(name(row.from_code), 2), cell(`拟晋升${what}`, 1, true), cell(name(row.to_code), 2)],
      }),
      new TableRow({
        children: [
          cell('资格审核依据', 1, true),
          cell(
            reasons.map((r) => `${r.ok ? '✓' : '✗'} ${r.zh}`),
            5,
          ),
        ],
      }),
      new TableRow({
        children: [cell('审核基准日', 1, true), cell(row.as_of, 2), cell('公示截止', 1, true), cell(wfCase?.notice_ends_on ?? '—', 2)],
      }),
      new TableRow({
        children: [
          cell('审批过程', 1, true),
          cell(
            actions.length > 0
              ? actions.map(
                  (a) =>
                    `${beijingDate(new Date(a.created_at))}  ${a.display_name ?? '系统'}  ${actionWords[a.action] ?? a.action}${a.note ? `：${a.note}` : ''}`,
                )
              : ['—'],
            5,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell('办理结果', 1, true),
          cell(
            row.status === 'approved'
              ? `已批准，${row.decided_on}起任${name(row.to_code)}`
              : row.status === 'in_progress'
                ? '办理中'
                : '未批准',
            5,
          ),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Zhenggong',
    title: `${what}晋升审批表`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${what}晋升审批表`, bold: true, size: 36, font: '宋体' })],
          }),
          text(`案件编号：${row.id}`),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
