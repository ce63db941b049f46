import type { ProgrammeKind, ProgrammeQuery, ProgrammeView } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { exportList } from '../../platform/files/list-sheet.ts';
import { listProgrammes } from './programme-service.ts';

const kinds: Record<ProgrammeKind, string> = { reading: '读书', fitness: '健身', sports: '体育赛事', other: '其他' };

/** 文化活动's list as filtered on screen, as xlsx, with registration and attendance counts; audited. */
export function exportProgrammes(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: ProgrammeQuery): Promise<Buffer> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  return exportList<ProgrammeView>(ctx, actor, {
    sheet: '文化活动',
    columns: [
      { header: '活动名称', width: 30, value: (g) => g.title },
      { header: '类型', width: 10, value: (g) => kinds[g.kind] },
      { header: '主办单位', width: 26, value: (g) => g.orgName },
      { header: '开始日期', width: 12, value: (g) => g.startDate },
      { header: '结束日期', width: 12, value: (g) => g.endDate },
      { header: '报名截止', width: 12, value: (g) => g.deadline },
      { header: '名额', width: 8, value: (g) => g.capacity },
      { header: '状态', width: 8, value: (g) => (g.status === 'published' ? '已发布' : '草稿') },
      { header: '报名人数', width: 10, value: (g) => g.registered },
      { header: '参加人数', width: 10, value: (g) => g.attended },
    ],
    fetch: (limit) => listProgrammes(ctx, scope, { ...filter, page: 1, pageSize: limit }),
    audit: { eventType: 'culture.programme.export', objectType: 'culture_programme', detail: { query: filter } },
  });
}
