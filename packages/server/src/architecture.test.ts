import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries hold (docs/adr/013-person-sets.md): the lint rule bites on an import of
 * another module's internals, and nothing outside personnel names personnel's tables.
 */
const serverSrc = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(serverSrc, '../../..');
const personnelDir = join(serverSrc, 'modules/personnel');

describe('module boundaries (lint)', () => {
  const lint = async (filePath: string, code: string) => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.line);
  };

  it('refuses an import of another module internals and allows its public face', async () => {
    const code = [
      "import { toPersonRow } from '../personnel/person-rows.ts';",
      "import { peopleInSet } from '../personnel/people.ts';",
      "import { loadExam } from './exam-service.ts';",
      "import { finaliseDueOf } from './finalise.ts';",
      'export const probe = [toPersonRow, peopleInSet, loadExam, finaliseDueOf];',
    ].join('\n');
    expect(await lint('packages/server/src/modules/exams/boundary-probe.ts', code)).toEqual([1]);
  }, 60_000);

  it('refuses platform code importing a module, and a web feature importing another feature', async () => {
    const platform = "import { peopleInSet } from '../../modules/personnel/people.ts';\nexport const probe = peopleInSet;";
    expect(await lint('packages/server/src/platform/orgs/boundary-probe.ts', platform)).toEqual([1]);
    const web = [
      "import { StatsChart } from '../stats/components/StatsChart';",
      "import { EChart } from '../../shared/components/EChart';",
      'export const probe = [StatsChart, EChart];',
    ].join('\n');
    expect(await lint('packages/web/src/features/exams/BoundaryProbe.tsx', web)).toEqual([1]);
  }, 60_000);
});

/** Personnel's table names, read from its table map so a new table is covered without editing this test. */
function personnelTables(): string[] {
  const source = readFileSync(join(personnelDir, 'tables.ts'), 'utf8');
  const map = /interface PersonnelTables \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return [...map.matchAll(/^\s*(\w+):/gm)].map((m) => m[1] ?? '');
}

const KYSELY_CALL =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|table)\(\s*['"`]([a-z_]+)(?:\s+as\s+\w+)?['"`]/g;
const TEMPLATE = /`[^`]*`/g;
const RAW_SQL = /\b(?:from|join|into|update|exists)\s+"?([a-z_]+)"?/gi;

/** Personnel table names a source uses in Kysely calls or in SQL template text. */
export function personnelTableUses(source: string, tables: readonly string[]): string[] {
  const names = new Set(tables);
  const hits: string[] = [];
  for (const m of source.matchAll(KYSELY_CALL)) if (m[1] && names.has(m[1])) hits.push(m[1]);
  for (const t of source.match(TEMPLATE) ?? [])
    for (const m of t.matchAll(RAW_SQL)) if (m[1] && names.has(m[1].toLowerCase())) hits.push(m[1]);
  return hits;
}

function sourcesOutsidePersonnel(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Migrations create the tables; personnel owns them.
      if (path === personnelDir || path.endsWith('/db/migrations')) continue;
      out.push(...sourcesOutsidePersonnel(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe("personnel's tables stay inside personnel", () => {
  const tables = personnelTables();

  it('knows the tables and recognises each way of naming one', () => {
    expect(tables).toEqual(expect.arrayContaining(['person', 'person_training', 'person_education', 'correction_request']));
    const probe = [
      "db.selectFrom('person as p').select('p.person_id')",
      ".innerJoin('person_award as a', 'a.person_id', 'p.id')",
      "trx.insertInto('person_training')",
      'sql`select h.org_id from person_org_history h where exists (select 1 from org)`',
      "appendAudit(trx, clock, actor, { objectType: 'person' })",
    ].join('\n');
    expect(personnelTableUses(probe, tables)).toEqual(['person', 'person_award', 'person_training', 'person_org_history']);
  });

  it('finds no use of them in server sources outside the personnel module', () => {
    const found = sourcesOutsidePersonnel(serverSrc).flatMap((file) =>
      personnelTableUses(readFileSync(file, 'utf8'), tables).map((table) => `${relative(serverSrc, file)}: ${table}`),
    );
    expect(found).toEqual([]);
  });
});
