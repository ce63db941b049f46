import type { Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './database.ts';

const compiled = new Map<string, CompiledQuery>();
/** Hot SQL and its prepared-statement name (PostgreSQL: see connect.ts). */
const statementNames = new Map<string, string>();

/**
 * The name PostgreSQL keeps a hot statement under, planned once per connection. Sent unnamed,
 * the per-request session query was planned again every time: 0.33–0.41 ms of planning for
 * 0.07 ms of execution (bench/results/scoped-list-runs.md).
 */
export const hotStatementName = (sql: string): string | undefined => statementNames.get(sql);
const SENTINEL = '\u0000zg-param-';
/** A stand-in value to build a hot query with; replaced by the real argument at each call. */
export const param = (index: number): string => `${SENTINEL}${index}`;

/**
 * Collects a query's arguments in order and hands out their stand-ins, for hot queries whose
 * shape varies with a few choices (how many scope units, which filters): the shape goes into the
 * runHot key, the arguments are collected on every call, the stand-ins used only to compile.
 */
export class HotArgs {
  readonly values: unknown[] = [];
  /** The stand-in for `value` (typed as the value, since the builder types it so). */
  add<T>(value: T): T {
    this.values.push(value);
    return param(this.values.length - 1) as T;
  }
}

/**
 * Runs a fixed-shape query that is on every request's path (session, roles, scope) without
 * rebuilding and recompiling it each time: it is compiled once per dialect with `param(i)`
 * stand-ins, then executed with the real arguments in their places.
 */
export async function runHot<Row>(
  db: Executor,
  key: string,
  build: (db: Executor) => Compilable<Row>,
  args: readonly unknown[],
): Promise<Row[]> {
  const cacheKey = `${key}:${db.getExecutor().adapter.constructor.name}`;
  let query = compiled.get(cacheKey);
  if (!query) {
    query = build(db).compile();
    compiled.set(cacheKey, query);
    if (!statementNames.has(query.sql)) statementNames.set(query.sql, `zg_hot_${statementNames.size}`);
  }
  const parameters = query.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(SENTINEL) ? args[Number(p.slice(SENTINEL.length))] : p,
  );
  return (await db.executeQuery<Row>({ ...query, parameters })).rows;
}
