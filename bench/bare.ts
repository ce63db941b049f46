import type { FastifyInstance } from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Fixture } from './fixture.ts';

/**
 * The baseline side of each benchmark: the same SQL the platform endpoint sends for the list
 * itself, through the raw driver, on a bare Fastify route — no session, no permission check,
 * no scope resolution (the scope root is passed in), no query-builder, no schema validation or
 * compiled serialisation, no helmet, no request logging.
 */
export interface RawDb {
  all<T>(text: string, params: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** SQLite: the same pragmas as db/connect.ts; statements prepared once, as hand-written code would. */
export function rawSqlite(file: string): RawDb {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  const statements = new Map<string, SQLite.Statement>();
  return {
    all: async <T>(text: string, params: readonly unknown[]) => {
      let stmt = statements.get(text);
      if (!stmt) statements.set(text, (stmt = db.prepare(text)));
      return stmt.all(...params) as T[];
    },
    close: async () => void db.close(),
  };
}

/** PostgreSQL: a pool of the same size and int8 parsing as db/connect.ts; `?` become `$n`. */
export function rawPostgres(url: string): RawDb {
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const numbered = new Map<string, string>();
  return {
    all: async <T>(text: string, params: readonly unknown[]) => {
      let q = numbered.get(text);
      if (q === undefined) {
        let n = 0;
        numbered.set(text, (q = text.replace(/\?/g, () => `$${++n}`)));
      }
      return (await pool.query(q, params as unknown[])).rows as T[];
    },
    close: () => pool.end(),
  };
}

export interface BareOptions {
  readonly db: RawDb;
  /** The branch the benchmark user's scope (org_and_below) resolves to. */
  readonly scopeRootId: string;
}

export interface BenchCase {
  readonly name: string;
  /** Platform endpoint, called with the benchmark user's session cookie; `{branch}` stands for the scope root's id. */
  readonly platformPath: string;
  /** Bare route path (registered by `registerBare`); `{branch}` as above. */
  readonly barePath: string;
  /** Runs on the people fixture (`seedPeople`), once per size given with `--people`. */
  readonly people?: boolean;
  readonly registerBare: (app: FastifyInstance, opts: BareOptions) => void;
  /** Throws unless the platform's answer is the one the fixture implies. */
  readonly check: (body: unknown, fixture: Fixture) => void;
}

// ---------------------------------------------------------------------------------------------
// scoped-list: GET /api/v1/users?page=1&pageSize=20 — accounts in the caller's scope with their
// org's name and roles, sorted by username, plus the total. The same three statements, in the
// same order, as platform/accounts/account-queries.ts (count, page, roles of the page).

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  org_name: string | null;
  status: 'active' | 'disabled';
  admin_kind: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  pending_org_id: string | null;
  held_reason: string | null;
  totp_enrolled_at: string | null;
}

const userScope = '(app_user.org_id in (select descendant_id from org_closure where ancestor_id in (?)))';
const usersCountSql = `select count(*) as n from app_user where ${userScope}`;
const usersPageSql = `select app_user.*, org.name as org_name from app_user left join org on org.id = app_user.org_id
  where ${userScope} order by app_user.username_norm asc, app_user.id limit ? offset ?`;
const rolesSql = (n: number) =>
  `select ur.user_id, r.id, r.code, r.name, r.admin_kind from user_role as ur inner join role as r on r.id = ur.role_id
  where ur.user_id in (${Array(n).fill('?').join(', ')}) order by r.code`;

const scopedList: BenchCase = {
  name: 'scoped-list',
  platformPath: '/api/v1/users?page=1&pageSize=20',
  barePath: '/bare/users?page=1&pageSize=20',
  check: (body, fixture) => {
    const page = body as { items: unknown[]; total: number };
    if (page.total !== fixture.visibleUsers || page.items.length !== 20) {
      throw new Error(`scoped-list: expected 20 of ${fixture.visibleUsers} accounts, got ${page.items.length} of ${page.total}`);
    }
  },
  registerBare: (app, { db, scopeRootId }) => {
    app.get('/bare/users', async (request) => {
      const q = request.query as { page?: string; pageSize?: string };
      return bareUserPage(db, scopeRootId, Number(q.page ?? 1), Number(q.pageSize ?? 20));
    });
  },
};

/** The bare route's whole work: three statements and a plain mapping to the API's shape. */
export async function bareUserPage(db: RawDb, scopeRootId: string, page: number, pageSize: number) {
  const count = await db.all<{ n: number }>(usersCountSql, [scopeRootId]);
  const rows = await db.all<UserRow>(usersPageSql, [scopeRootId, pageSize, (page - 1) * pageSize]);
  const ids = rows.map((r) => r.id);
  const roles =
    ids.length === 0 ? [] : await db.all<{ user_id: string; id: string; code: string; name: string }>(rolesSql(ids.length), ids);
  const rolesOf = new Map<string, { id: string; code: string; name: string }[]>();
  for (const r of roles) {
    const list = rolesOf.get(r.user_id) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name });
    rolesOf.set(r.user_id, list);
  }
  const now = Date.now();
  return {
    items: rows.map((r) => {
      const locked = r.locked_until !== null && Date.parse(r.locked_until) > now;
      return {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        orgId: r.org_id,
        orgName: r.org_name ?? '',
        status: r.status,
        adminKind: r.admin_kind,
        roles: rolesOf.get(r.id) ?? [],
        locked,
        lockedUntil: locked ? r.locked_until : null,
        lastLoginAt: r.last_login_at,
        createdAt: r.created_at,
        pendingOrgId: r.pending_org_id,
        held: r.held_reason !== null,
        mfaEnrolled: r.totp_enrolled_at !== null,
      };
    }),
    total: Number(count[0]?.n ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// scoped-tree: GET /api/v1/orgs/tree — the org forest the caller may see.

interface OrgRow {
  id: string;
  code: string | null;
  name: string;
  short_name: string | null;
  type: string;
  is_unit: number;
  parent_id: string | null;
  status: 'active' | 'closed';
  sort_order: number;
}
interface OrgNode {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  type: string;
  isUnit: boolean;
  parentId: string | null;
  status: string;
  sortOrder: number;
  children: OrgNode[];
}

const orgTreeSql = `select * from org where org.id in (select descendant_id from org_closure where ancestor_id in (?))
  and status = ? order by sort_order, name`;

const scopedTree: BenchCase = {
  name: 'scoped-tree',
  platformPath: '/api/v1/orgs/tree',
  barePath: '/bare/orgs/tree',
  check: (body, fixture) => {
    const roots = body as OrgNode[];
    const count = (nodes: OrgNode[]): number => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
    if (roots.length !== 1 || roots[0]?.id !== fixture.scopeRootId || count(roots) !== fixture.branchSize) {
      throw new Error(`scoped-tree: expected the caller's branch (${fixture.branchSize} orgs) as the only root`);
    }
  },
  registerBare: (app, { db, scopeRootId }) => {
    app.get('/bare/orgs/tree', async () => {
      const rows = await db.all<OrgRow>(orgTreeSql, [scopeRootId, 'active']);
      const nodes = new Map<string, OrgNode>();
      for (const r of rows) {
        nodes.set(r.id, {
          id: r.id,
          code: r.code,
          name: r.name,
          shortName: r.short_name,
          type: r.type,
          isUnit: r.is_unit === 1,
          parentId: r.parent_id,
          status: r.status,
          sortOrder: r.sort_order,
          children: [],
        });
      }
      const roots: OrgNode[] = [];
      for (const n of nodes.values()) (n.parentId ? (nodes.get(n.parentId)?.children ?? roots) : roots).push(n);
      return roots;
    });
  },
};

// ---------------------------------------------------------------------------------------------
// person-search / person-filter: GET /api/v1/personnel/people — the two searches political staff
// run most: a name by its pinyin initials ("zw" for 张伟, 周文 …) and "everyone aged 30–40 in my
// branch", each first page of 20 sorted by name. The same two statements as
// modules/personnel/person-search.ts (page ids then their rows with the org's name, and the count, sent together
// through Promise.all), mapped as person-presenter.ts presentListItem does, with "today" Beijing's
// date on the real clock like the platform's. Not on the bare side: the session, the permission check, scope
// resolution and — for orgId — assertOrgInScope (one indexed org_closure lookup).

/** Beijing's date (UTC+8, no daylight saving): from 16:00 UTC a UTC date would count ages a day early. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface PersonRow {
  id: string;
  kind: string;
  name: string;
  sex: string;
  birth_date: string;
  id_number_masked: string;
  phone_masked: string | null;
  police_number: string | null;
  org_id: string;
  org_name: string;
  post: string | null;
  rank: string | null;
  officer_level: string | null;
  education: string | null;
  political_status: string | null;
  police_start_date: string | null;
  status: string;
}

const personScope = '("p"."org_id" in (select descendant_id from org_closure where ancestor_id in (?)))';
// The page's ids on the list index first, then only their rows (as person-search.ts does).
const personPageSql = (where: string) =>
  `select "p".*, "o"."name" as "org_name" from (select "p"."id" from "person" as "p" where ${where} order by "p"."name_pinyin" asc, "p"."id" limit ? offset ?) as "k"` +
  ` inner join "person" as "p" on "p"."id" = "k"."id" inner join "org" as "o" on "o"."id" = "p"."org_id" order by "p"."name_pinyin" asc, "p"."id"`;
const personCountSql = (where: string) => `select count(*) as "n" from "person" as "p" where ${where}`;
const keywordWhere = `${personScope} and ((p.name_initials >= ? and p.name_initials <= ?) or (p.name_pinyin >= ? and p.name_pinyin <= ?))`;
const filterWhere = `${personScope} and p.birth_date <= ? and p.birth_date > ? and "p"."org_id" in (select descendant_id from org_closure where ancestor_id = ?)`;

/** person-search.ts yearsBefore: the date `years` whole years before `date`. */
const yearsBefore = (date: string, years: number): string => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/** person-presenter.ts yearsBetween. */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < (fd || 1)) ? 1 : 0);
}

async function barePersonPage(db: RawDb, where: string, params: unknown[], page: number, pageSize: number, today: string) {
  const [rows, count] = await Promise.all([
    db.all<PersonRow>(personPageSql(where), [...params, pageSize, (page - 1) * pageSize]),
    db.all<{ n: number | string }>(personCountSql(where), params),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      sex: r.sex,
      birthDate: r.birth_date,
      age: yearsBetween(r.birth_date, today),
      idNumberMasked: r.id_number_masked,
      phoneMasked: r.phone_masked,
      policeNumber: r.police_number,
      orgId: r.org_id,
      orgName: r.org_name,
      post: r.post,
      rank: r.rank,
      officerLevel: r.officer_level,
      education: r.education,
      politicalStatus: r.political_status,
      policeStartDate: r.police_start_date,
      status: r.status,
    })),
    total: Number(count[0]?.n ?? 0),
  };
}

const checkPersonPage = (name: string) => (body: unknown, fixture: Fixture) => {
  const page = body as { items: unknown[]; total: number };
  const visible = fixture.visiblePeople ?? 0;
  if (page.total > visible || page.items.length !== Math.min(20, page.total)) {
    throw new Error(
      `${name}: expected a first page of min(20, total) of at most ${visible} people in scope, got ${page.items.length} of ${page.total}`,
    );
  }
};

const personSearch: BenchCase = {
  name: 'person-search',
  people: true,
  platformPath: '/api/v1/personnel/people?keyword=zw&page=1&pageSize=20',
  barePath: '/bare/people?keyword=zw&page=1&pageSize=20',
  check: checkPersonPage('person-search'),
  registerBare: (app, { db, scopeRootId }) => {
    app.get('/bare/people', async (request) => {
      const q = request.query as { keyword: string; page?: string; pageSize?: string };
      const k = q.keyword.normalize('NFKC').trim().toLowerCase();
      const today = beijingToday();
      const upper = `${k}${'z'.repeat(40)}`;
      return barePersonPage(db, keywordWhere, [scopeRootId, k, upper, k, upper], Number(q.page ?? 1), Number(q.pageSize ?? 20), today);
    });
  },
};

const personFilter: BenchCase = {
  name: 'person-filter',
  people: true,
  platformPath: '/api/v1/personnel/people?orgId={branch}&ageMin=30&ageMax=40&sort=name&page=1&pageSize=20',
  barePath: '/bare/people-filter?orgId={branch}&ageMin=30&ageMax=40&page=1&pageSize=20',
  check: checkPersonPage('person-filter'),
  registerBare: (app, { db, scopeRootId }) => {
    app.get('/bare/people-filter', async (request) => {
      const q = request.query as { orgId: string; ageMin: string; ageMax: string; page?: string; pageSize?: string };
      const today = beijingToday();
      const params = [scopeRootId, yearsBefore(today, Number(q.ageMin)), yearsBefore(today, Number(q.ageMax) + 1), q.orgId];
      return barePersonPage(db, filterWhere, params, Number(q.page ?? 1), Number(q.pageSize ?? 20), today);
    });
  },
};

export const benchCases: Record<string, BenchCase> = Object.fromEntries(
  [scopedList, scopedTree, personSearch, personFilter].map((c) => [c.name, c]),
);
