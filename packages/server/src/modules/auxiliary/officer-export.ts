import type { AuxOfficerQuery, ListOfficersResponse } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { exportList } from '../../platform/files/list-sheet.ts';
import { personStatusNames } from '../personnel/people.ts';
import { listOfficers } from './aux-officers.ts';

type Officer = ListOfficersResponse['items'][number];

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** 辅警名单 as filtered on screen, as xlsx (ID numbers masked, as on screen); audited. */
export function exportOfficers(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: AuxOfficerQuery): Promise<Buffer> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  return exportList<Officer>(ctx, actor, {
    sheet: '辅警名单',
    columns: [
      { header: '姓名', width: 10, value: (o) => o.name },
      { header: '单位', width: 30, value: (o) => o.orgName },
      { header: '身份证号', width: 22, value: (o) => o.idNumberMasked },
      { header: '辅警类别', width: 12, value: (o) => o.auxCategory },
      { header: '合同到期', width: 12, value: (o) => (o.contractKind === 'open_ended' ? '无固定期限' : o.contractEnd) },
      { header: '薪级', width: 8, value: (o) => o.payGrade ?? '未定级' },
      { header: '月应发（元）', width: 12, value: (o) => yuan(o.grossFen) },
      { header: '税前实发（元）', width: 14, value: (o) => yuan(o.netBeforeTaxFen) },
      { header: '状态', width: 10, value: (o) => personStatusNames[o.status] },
    ],
    fetch: (limit) => listOfficers(ctx, scope, { ...filter, page: 1, pageSize: limit }),
    audit: { eventType: 'auxiliary.officers.export', objectType: 'person', detail: { query: filter } },
  });
}
