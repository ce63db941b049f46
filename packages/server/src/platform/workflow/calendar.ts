import { createRequire } from 'node:module';
import { calendarOf, type CalendarBody, type CalendarYear, type WorkCalendar } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';

/** The version of each year in force: the highest one. */
async function latestRows(db: Executor, cityCode: string, years: readonly number[]) {
  const rows = await db
    .selectFrom('work_calendar')
    .selectAll()
    .where('city_code', '=', cityCode)
    .where('year', 'in', years)
    .orderBy('version', 'desc')
    .execute();
  const byYear = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!byYear.has(r.year)) byYear.set(r.year, r);
  return byYear;
}

/** The official calendar for the given years, and which of them nobody has kept yet. */
export async function loadCalendar(
  db: Executor,
  cityCode: string,
  years: readonly number[],
): Promise<{ calendar: WorkCalendar; missing: number[] }> {
  const byYear = await latestRows(db, cityCode, years);
  const holidays: string[] = [];
  const workdays: string[] = [];
  const missing: number[] = [];
  for (const year of years) {
    const row = byYear.get(year);
    if (!row) {
      missing.push(year);
      continue;
    }
    holidays.push(...(JSON.parse(row.holidays) as string[]));
    workdays.push(...(JSON.parse(row.workdays) as string[]));
  }
  return { calendar: calendarOf(holidays, workdays), missing };
}

export async function calendarYear(ctx: AppContext, year: number): Promise<CalendarYear> {
  const row = (await latestRows(ctx.db, ctx.config.cityCode, [year])).get(year);
  if (!row) return { year, version: 0, holidays: [], workdays: [], source: 'none', note: null, updatedAt: null };
  return {
    year,
    version: row.version,
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
    source: row.source,
    note: row.note,
    updatedAt: row.created_at,
  };
}

/** Staff correct a year (a late State Council notice, a local arrangement): a new version, audited. */
export async function editCalendarYear(ctx: AppContext, actor: AuditActor, year: number, body: CalendarBody): Promise<CalendarYear> {
  const inYear = (d: string) => d.startsWith(`${year}-`) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  const overlap = body.holidays.some((d) => body.workdays.includes(d));
  if (overlap || ![...body.holidays, ...body.workdays].every(inYear)) throw new AppError('WF_CALENDAR_INVALID', { year });
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await latestRows(trx, ctx.config.cityCode, [year])).get(year);
    const version = (current?.version ?? 0) + 1;
    await trx
      .insertInto('work_calendar')
      .values({
        id: newId(),
        year,
        version,
        holidays: JSON.stringify([...body.holidays].sort()),
        workdays: JSON.stringify([...body.workdays].sort()),
        source: 'edited',
        note: body.note ?? null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'workflow.calendar.edit',
      objectType: 'work_calendar',
      objectId: String(year),
      detail: { version, holidays: body.holidays.length, workdays: body.workdays.length, note: body.note ?? null },
    });
  });
  return calendarYear(ctx, year);
}

/**
 * Seeds every year the `chinese-days` package knows (2004–2026 in 1.5.7, from the State
 * Council's notices) that the database does not have yet; edited years are never overwritten.
 */
export async function seedWorkCalendar(ctx: AppContext): Promise<void> {
  const require = createRequire(import.meta.url);
  // The package ships its data as JSON keyed by date; values name the festival.
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  const add = (d: string, key: 'holidays' | 'workdays') => {
    const y = Number(d.slice(0, 4));
    const entry = byYear.get(y) ?? { holidays: [], workdays: [] };
    entry[key].push(d);
    byYear.set(y, entry);
  };
  Object.keys(data.holidays).forEach((d) => add(d, 'holidays'));
  Object.keys(data.workdays).forEach((d) => add(d, 'workdays'));
  const have = new Set(
    (await ctx.db.selectFrom('work_calendar').select('year').where('city_code', '=', ctx.config.cityCode).execute()).map((r) => r.year),
  );
  const now = ctx.clock.now().toISOString();
  const rows = [...byYear.entries()]
    .filter(([year]) => !have.has(year))
    .map(([year, days]) => ({
      id: newId(),
      year,
      version: 1,
      holidays: JSON.stringify(days.holidays.sort()),
      workdays: JSON.stringify(days.workdays.sort()),
      source: 'chinese-days 1.5.7',
      note: null,
      created_by: null,
      city_code: ctx.config.cityCode,
      created_at: now,
    }));
  if (rows.length > 0) await ctx.db.insertInto('work_calendar').values(rows).execute();
}
