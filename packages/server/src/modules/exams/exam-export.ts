import { beijingDateTime, type ExamListQuery, type ListExamsResponse } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { exportList } from '../../platform/files/list-sheet.ts';
import { listExams } from './exam-service.ts';

type Exam = ListExamsResponse['items'][number];

const kinds: Record<Exam['kind'], string> = {
  monthly_practice: '月月练',
  quarterly_exam: '季季考',
  annual_contest: '年度比',
  spot_check: '抽考',
  pass_test: '达标测试',
  make_up: '补考',
};
const statuses: Record<Exam['status'], string> = { draft: '草稿', scheduled: '已发布', cancelled: '已取消', closed: '已结束' };
const at = (iso: string) => beijingDateTime(new Date(iso));

/** 考试管理's list as filtered on screen, as xlsx, with examinee and submission counts; audited. */
export function exportExams(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: ExamListQuery): Promise<Buffer> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  return exportList<Exam>(ctx, actor, {
    sheet: '考试列表',
    columns: [
      { header: '考试名称', width: 30, value: (e) => e.title },
      { header: '考试类型', width: 10, value: (e) => kinds[e.kind] },
      { header: '状态', width: 8, value: (e) => statuses[e.status] },
      { header: '组织单位', width: 26, value: (e) => e.orgName },
      { header: '试卷', width: 26, value: (e) => e.paperTitle },
      { header: '开始时间', width: 17, value: (e) => at(e.startsAt) },
      { header: '结束时间', width: 17, value: (e) => at(e.endsAt) },
      { header: '时长（分钟）', width: 12, value: (e) => e.durationMinutes },
      { header: '应考人数', width: 10, value: (e) => e.examineeCount },
      { header: '已交卷', width: 8, value: (e) => e.submittedCount },
      { header: '成绩发布', width: 17, value: (e) => (e.resultsPublishedAt ? at(e.resultsPublishedAt) : '未发布') },
    ],
    fetch: (limit) => listExams(ctx, scope, { ...filter, page: 1, pageSize: limit }),
    audit: { eventType: 'exam.list.export', objectType: 'exam', detail: { query: filter } },
  });
}
