import { sql } from 'kysely';
import { newId } from '../ids.ts';
import { ident, literal, replicatedTables, type AnyDb } from './catalogue.ts';

const GUARD = 'zg_replicated_read_only';

/**
 * Shapes a migrated province database to receive every city's rows (ADR 027). Idempotent: run it
 * after every migration at the province (`province prepare`, and `migrate` at a province does).
 * - Withheld columns (ID numbers, phones …) arrive as NULL: their NOT NULL is dropped here.
 * - Unique indexes other than the primary key become plain indexes of the same name: two
 *   cities may both use a police number or an org code, and a duplicate would stop a stream.
 * - Every replicated table refuses INSERT/UPDATE/DELETE of another city's rows and any TRUNCATE,
 *   by trigger (the apply worker runs as a replica and does not fire it), and the app role keeps
 *   only SELECT on them (org excepted: the province's own root lives there, the trigger guards it).
 */
export async function prepareProvince(
  db: AnyDb,
  options: { provinceCode: string; appRole?: string | undefined },
): Promise<{ tables: number }> {
  const tables = await replicatedTables(db);
  const own = literal(options.provinceCode);
  await sql
    .raw(
      `create or replace function ${GUARD}() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE'
     or (tg_op in ('UPDATE', 'DELETE') and old.city_code is distinct from ${own})
     or (tg_op in ('INSERT', 'UPDATE') and new.city_code is distinct from ${own}) then
    raise exception 'province copy of % is read-only: write in the owning city', tg_table_name using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$`,
    )
    .execute(db);
  for (const t of tables) {
    const table = ident(t.table);
    for (const column of t.withheld) {
      await sql.raw(`alter table ${table} alter column ${ident(column)} drop not null`).execute(db);
    }
    const uniques = await sql<{ name: string; def: string; con: string | null }>`
      select i.relname as name, pg_get_indexdef(x.indexrelid) as def, c.conname as con
      from pg_index x join pg_class i on i.oid = x.indexrelid
      left join pg_constraint c on c.conindid = x.indexrelid and c.contype = 'u'
      where x.indrelid = ${t.table}::regclass and x.indisunique and not x.indisprimary`.execute(db);
    for (const u of uniques.rows) {
      if (u.con) await sql.raw(`alter table ${table} drop constraint ${ident(u.con)}`).execute(db);
      else await sql.raw(`drop index ${ident(u.name)}`).execute(db);
      await sql.raw(u.def.replace(/^CREATE UNIQUE INDEX/, 'CREATE INDEX')).execute(db);
    }
    await sql.raw(`drop trigger if exists zg_read_only on ${table}`).execute(db);
    await sql.raw(`drop trigger if exists zg_read_only_truncate on ${table}`).execute(db);
    await sql
      .raw(`create trigger zg_read_only before insert or update or delete on ${table} for each row execute function ${GUARD}()`)
      .execute(db);
    await sql
      .raw(`create trigger zg_read_only_truncate before truncate on ${table} for each statement execute function ${GUARD}()`)
      .execute(db);
    if (options.appRole && t.table !== 'org') {
      await sql.raw(`revoke insert, update, delete, truncate on ${table} from ${ident(options.appRole)}`).execute(db);
      await sql.raw(`grant select on ${table} to ${ident(options.appRole)}`).execute(db);
    }
  }
  return { tables: tables.length };
}

/** The province's own org root (省厅), created once; cities' trees hang under it in the closure. */
export async function ensureProvinceRoot(db: AnyDb, provinceCode: string, name: string, now: Date): Promise<string> {
  const found = await db
    .selectFrom('org')
    .select('id')
    .where('city_code', '=', provinceCode)
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  if (found) return found.id as string;
  const id = newId();
  const iso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('org')
      .values({
        id,
        code: null,
        name,
        short_name: name,
        type: 'province',
        is_unit: 1,
        parent_id: null,
        sort_order: 0,
        status: 'active',
        closed_at: null,
        city_code: provinceCode,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    await trx.insertInto('org_closure').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
  });
  return id;
}

/**
 * org_closure is not replicated (it has no city_code): the province derives it from the
 * replicated parent links, with each city's root placed under the province root, so "province
 * root and below" and "this city's subtree" scopes work as they do in a city. One statement.
 */
export async function rebuildProvinceClosure(db: AnyDb, provinceCode: string): Promise<number> {
  const root = await db
    .selectFrom('org')
    .select('id')
    .where('city_code', '=', provinceCode)
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  if (!root) return 0;
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('org_closure').execute();
    await sql`
      insert into org_closure (ancestor_id, descendant_id, depth)
      with recursive tree(id, parent) as (
        select id::text, (case when id = ${root.id} then null when parent_id is null then ${root.id} else parent_id end)::text from org
      ), walk(ancestor_id, descendant_id, depth) as (
        select id, id, 0 from tree
        union all
        select t.parent, w.descendant_id, w.depth + 1 from walk w join tree t on t.id = w.ancestor_id where t.parent is not null
      )
      select ancestor_id, descendant_id, depth from walk`.execute(trx);
    const n = await trx
      .selectFrom('org_closure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n.n);
  });
}
