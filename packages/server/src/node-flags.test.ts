import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { serverNodeFlags } from './node-flags.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const startScript = (file: string) =>
  (JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { scripts: { start: string } }).scripts.start;

test('npm start runs the server with its V8 flags, as the e2e server and the benchmarks do', () => {
  for (const file of ['package.json', 'packages/server/package.json']) {
    const words = startScript(file).split(/\s+/);
    for (const flag of serverNodeFlags) expect(words, file).toContain(flag);
  }
});
