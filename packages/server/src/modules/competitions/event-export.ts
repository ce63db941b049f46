import type { EventQuery, ListEventsResponse } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { exportList } from '../../platform/files/list-sheet.ts';
import { listEvents } from './event-service.ts';

type CompetitionEvent = ListEventsResponse['items'][number];

const levels: Record<CompetitionEvent['level'], string> = { province: '省级', city: '市级', branch: '分局级', unit: '单位级' };
const statuses: Record<CompetitionEvent['status'], string> = { open: '进行中', published: '已发布' };

/** 比武竞赛's list as filtered on screen, as xlsx; audited. */
export function exportEvents(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: EventQuery): Promise<Buffer> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  return exportList<CompetitionEvent>(ctx, actor, {
    sheet: '比武竞赛',
    columns: [
      { header: '赛事名称', width: 30, value: (e) => e.title },
      { header: '级别', width: 8, value: (e) => levels[e.level] },
      { header: '主办单位', width: 26, value: (e) => e.orgName },
      { header: '开始日期', width: 12, value: (e) => e.startDate },
      { header: '结束日期', width: 12, value: (e) => e.endDate },
      { header: '状态', width: 8, value: (e) => statuses[e.status] },
    ],
    fetch: (limit) => listEvents(ctx, scope, { ...filter, page: 1, pageSize: limit }),
    audit: { eventType: 'competition.event.export', objectType: 'competition_event', detail: { query: filter } },
  });
}
