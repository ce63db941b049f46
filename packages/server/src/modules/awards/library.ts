import type { LibraryView } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { awardLinesOf, scopedPeople } from '../personnel/people.ts';
import { photosOf } from './exemplar-photos.ts';

/** The exemplar library (典型库): deeds, campaign, and the person's awards from their record, scoped through their current unit. */
export async function exemplarLibrary(ctx: AppContext, scope: ResolvedScope): Promise<LibraryView> {
  const rows = await ctx.db
    .selectFrom('exemplar as e')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'e.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin('exemplar_campaign as c', 'c.id', 'e.campaign_id')
    .select([
      'e.id',
      'e.person_id',
      'p.name',
      'o.name as org_name',
      'e.title',
      'e.year',
      'e.deeds',
      'e.photo_file_ids',
      'c.title as campaign',
    ])
    .orderBy('e.year', 'desc')
    .orderBy('p.name')
    .execute();
  const awards = await awardLinesOf(
    ctx.db,
    rows.map((r) => r.person_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      orgName: r.org_name,
      title: r.title,
      year: r.year,
      deeds: r.deeds,
      campaign: r.campaign,
      awards: awards.filter((a) => a.person_id === r.person_id).map((a) => `${a.date} ${a.name}`),
      photos: photosOf(r),
    })),
  };
}

/** The library as xlsx for publicity work (宣传). */
export async function exemplarLibraryXlsx(ctx: AppContext, scope: ResolvedScope, actor: AuditActor) {
  const lib = await exemplarLibrary(ctx, scope);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('典型库');
  ws.columns = [6, 12, 22, 26, 8, 60, 50, 8].map((width) => ({ width }));
  ws.getRow(1).values = ['序号', '姓名', '单位', '称号', '年度', '主要事迹', '所获奖励', '照片数'];
  ws.getRow(1).font = { bold: true };
  lib.items.forEach((e, i) => {
    ws.getRow(2 + i).values = [i + 1, e.name, e.orgName, e.title, e.year, e.deeds, e.awards.join('；'), e.photos.length];
  });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'exemplars.library.export',
    objectType: 'exemplar',
    detail: { rows: lib.items.length },
  });
  return body;
}
