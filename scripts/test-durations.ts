/**
 * Where the suite's time goes: reads vitest's JSON report (`--reporter=json
 * --outputFile.json=FILE`, as .ci/run writes it) and prints the wall time per project and the
 * slowest files, so the plan to keep CI under 30 minutes works from measurements.
 *
 *   node --import tsx scripts/test-durations.ts .artifacts/vitest.json [how-many]
 */
import fs from 'node:fs';
import path from 'node:path';

interface FileResult {
  readonly name: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly assertionResults: readonly unknown[];
}

interface Report {
  readonly startTime: number;
  readonly testResults: readonly FileResult[];
}

function isReport(value: unknown): value is Report {
  return typeof value === 'object' && value !== null && 'testResults' in value && Array.isArray(value.testResults);
}

function projectOf(file: string): string {
  if (file.startsWith('e2e/')) return 'e2e';
  if (file.startsWith('packages/core/')) return 'core';
  if (file.startsWith('packages/server/')) return 'server';
  return 'other';
}

function main(): number {
  const [file, howMany = '15'] = process.argv.slice(2);
  if (!file || !fs.existsSync(file)) {
    console.error('usage: test-durations.ts REPORT.json [how-many]');
    return 2;
  }
  const report: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isReport(report)) {
    console.error(`${file} is not a vitest JSON report`);
    return 1;
  }
  const root = process.cwd();
  const files = report.testResults.map((r) => ({
    file: path.relative(root, r.name),
    seconds: (r.endTime - r.startTime) / 1000,
    tests: r.assertionResults.length,
    start: r.startTime,
    end: r.endTime,
  }));
  const projects = new Map<string, { sum: number; first: number; last: number; files: number }>();
  for (const f of files) {
    const name = projectOf(f.file);
    const p = projects.get(name) ?? { sum: 0, first: Infinity, last: 0, files: 0 };
    projects.set(name, { sum: p.sum + f.seconds, first: Math.min(p.first, f.start), last: Math.max(p.last, f.end), files: p.files + 1 });
  }
  console.log('project  files  wall (s)  sum of files (s)');
  for (const [name, p] of [...projects].sort()) {
    console.log(
      `${name.padEnd(8)} ${String(p.files).padStart(5)}  ${((p.last - p.first) / 1000).toFixed(0).padStart(8)}  ${p.sum.toFixed(0).padStart(16)}`,
    );
  }
  console.log(`\nslowest ${howMany} files (s, tests, file):`);
  for (const f of [...files].sort((a, b) => b.seconds - a.seconds).slice(0, Number(howMany))) {
    console.log(`${f.seconds.toFixed(1).padStart(7)}  ${String(f.tests).padStart(4)}  ${f.file}`);
  }
  return 0;
}

process.exitCode = main();
