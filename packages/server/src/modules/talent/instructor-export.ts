import type { InstructorQuery } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { exportList } from '../../platform/files/list-sheet.ts';
import { listInstructors } from './instructor-service.ts';

const grades = { junior: '初级', intermediate: '中级', senior: '高级' } as const;
const statuses = { active: '在聘', suspended: '暂停', dismissed: '解聘', expired: '聘期届满' } as const;

type Instructor = Awaited<ReturnType<typeof listInstructors>>['items'][number];

/** The instructor list as filtered, as xlsx; audited like every export of personnel data. */
export function exportInstructors(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: InstructorQuery): Promise<Buffer> {
  return exportList<Instructor>(ctx, actor, {
    sheet: '教官库',
    columns: [
      { header: '姓名', width: 12, value: (i) => i.name },
      { header: '警号', width: 10, value: (i) => i.policeNumber },
      { header: '单位', width: 22, value: (i) => i.orgName },
      { header: '等级', width: 8, value: (i) => grades[i.grade] },
      { header: '专业科目', width: 30, value: (i) => i.subjects.join('、') },
      { header: '聘任日期', width: 12, value: (i) => i.appointedOn },
      { header: '聘期截止', width: 12, value: (i) => i.expiresOn },
      { header: '状态', width: 10, value: (i) => statuses[i.status] },
      { header: '授课次数', width: 10, value: (i) => i.lectures },
      { header: '评价平均分', width: 12, value: (i) => i.averageScore },
    ],
    fetch: (limit) => listInstructors(ctx, scope, query, limit),
    audit: { eventType: 'talent.instructor.export', objectType: 'instructor', detail: { query } },
  });
}
