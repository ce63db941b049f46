import type { ClassListQuery, ListClassesResponse, TrainingKind } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { exportList } from '../../platform/files/list-sheet.ts';
import { listClasses } from './class-service.ts';

type TrainingClass = ListClassesResponse['items'][number];

const kinds: Record<TrainingKind, string> = {
  rotation: '轮训',
  spring: '春训班',
  specialty: '警种专业培训',
  new_recruit: '新警培训',
  other: '其他培训',
};

/** 培训班's list as filtered on screen, as xlsx, with enrolment and completion counts; audited. */
export function exportClasses(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: ClassListQuery): Promise<Buffer> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  return exportList<TrainingClass>(ctx, actor, {
    sheet: '培训班',
    columns: [
      { header: '培训班名称', width: 30, value: (c) => c.title },
      { header: '培训类型', width: 12, value: (c) => kinds[c.kind] },
      { header: '主办单位', width: 26, value: (c) => c.orgName },
      { header: '开始日期', width: 12, value: (c) => c.startDate },
      { header: '结束日期', width: 12, value: (c) => c.endDate },
      { header: '地点', width: 20, value: (c) => c.place },
      { header: '计划学时', width: 10, value: (c) => c.plannedHours },
      { header: '参训人数', width: 10, value: (c) => c.enrolled },
      { header: '完成人数', width: 10, value: (c) => c.completed },
    ],
    fetch: (limit) => listClasses(ctx, scope, { ...filter, page: 1, pageSize: limit }),
    audit: { eventType: 'training.class.export', objectType: 'training_class', detail: { query: filter } },
  });
}
