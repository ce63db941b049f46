import type { AppContext } from '../context.ts';

/**
 * Results of finished imports, kept in the database so whichever node serves the next request
 * can hand out the error report (no sticky sessions), and a restart forgets nothing. Reports
 * quote cells the user uploaded, so they are encrypted at rest, readable by their owner only,
 * and removed once expired by the `platform.import-report-expiry` job.
 */
export const IMPORT_REPORT_TTL_MS = 60 * 60 * 1000;
export const IMPORT_REPORT_EXPIRY_JOB = 'platform.import-report-expiry';

export async function saveImportReport(
  ctx: AppContext,
  report: { id: string; ownerId: string; kind: string; payload: unknown },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('import_report')
    .values({
      id: report.id,
      city_code: ctx.config.cityCode,
      owner_id: report.ownerId,
      kind: report.kind,
      payload: ctx.fieldCrypto.encrypt(JSON.stringify(report.payload)),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IMPORT_REPORT_TTL_MS).toISOString(),
    })
    .execute();
}

/** The payload of an unexpired report of this owner, or undefined. */
export async function findImportReport(ctx: AppContext, id: string, ownerId: string, kind: string): Promise<unknown> {
  const row = await ctx.db
    .selectFrom('import_report')
    .select('payload')
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .where('kind', '=', kind)
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .executeTakeFirst();
  return row ? (JSON.parse(ctx.fieldCrypto.decrypt(row.payload)) as unknown) : undefined;
}

export async function removeExpiredImportReports(ctx: AppContext): Promise<{ removed: number }> {
  const res = await ctx.db.deleteFrom('import_report').where('expires_at', '<=', ctx.clock.now().toISOString()).executeTakeFirst();
  return { removed: Number(res.numDeletedRows) };
}

/** Removing expired reports every ten minutes; defined once by the platform when the app is built. */
export function importReportExpiryJob() {
  return {
    name: IMPORT_REPORT_EXPIRY_JOB,
    schedule: { kind: 'interval', everyMs: 10 * 60_000 } as const,
    handler: (ctx: AppContext) => removeExpiredImportReports(ctx),
  };
}
