/**
 * Copies test or benchmark output from its ignored run folder into the committed folder, after a
 * person has looked at it:
 *
 *   npm run screenshots:accept [-- NAME …]   e2e/.artifacts/screenshots/*.png → e2e/screenshots/
 *   npm run bench:accept [-- NAME …]         bench/.artifacts/*.{json,md}    → bench/results/
 *
 * NAME filters by file name without extension (e.g. `13-profile`, `latest`); without names every
 * file is copied, except the benchmark outputs never meant to be committed (quick smoke runs and
 * one-off variants: `quick`, `variant`, and any `<name>-quick`).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

interface Kind {
  from: string;
  to: string;
  extensions: readonly string[];
  neverCommitted: readonly string[];
}

const kinds: Record<string, Kind> = {
  screenshots: { from: 'e2e/.artifacts/screenshots', to: 'e2e/screenshots', extensions: ['.png'], neverCommitted: [] },
  bench: { from: 'bench/.artifacts', to: 'bench/results', extensions: ['.json', '.md'], neverCommitted: ['quick', 'variant'] },
};

function main(): number {
  const [kindName, ...names] = process.argv.slice(2);
  const kind = kindName === undefined ? undefined : kinds[kindName];
  if (!kind) {
    console.error(`usage: accept-artifacts.ts ${Object.keys(kinds).join('|')} [NAME …]`);
    return 2;
  }
  const from = path.join(root, kind.from);
  if (!fs.existsSync(from)) {
    console.error(`${kind.from} does not exist: run the tests or benchmarks first`);
    return 1;
  }
  const wanted = new Set(names);
  const files = fs
    .readdirSync(from, { withFileTypes: true })
    .filter((entry) => entry.isFile() && kind.extensions.includes(path.extname(entry.name)))
    .map((entry) => entry.name)
    .filter((file) => {
      const base = path.basename(file, path.extname(file));
      return wanted.size > 0 ? wanted.has(base) : !kind.neverCommitted.some((n) => base === n || base.endsWith(`-${n}`));
    })
    .sort();
  const missing = [...wanted].filter((name) => !files.some((file) => path.basename(file, path.extname(file)) === name));
  if (missing.length > 0) {
    console.error(`not found in ${kind.from}: ${missing.join(', ')}`);
    return 1;
  }
  fs.mkdirSync(path.join(root, kind.to), { recursive: true });
  for (const file of files) {
    fs.copyFileSync(path.join(from, file), path.join(root, kind.to, file));
    console.log(`${kind.from}/${file} → ${kind.to}/${file}`);
  }
  console.log(`${files.length} file(s) accepted; review them with git diff before committing.`);
  return 0;
}

process.exitCode = main();
