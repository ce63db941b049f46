import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_EVENT_TYPES } from '@zhenggong/core/platform/audit-events';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every non-test source file of the server. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') && !entry.name.includes('test-support') ? [full] : [];
  });
}

/**
 * The event types the server writes, read from its source: every string literal in an
 * `eventType:` / `event_type:` value (including both arms of a ternary and a `??` default) and
 * every template literal there, as a pattern (`workflow.${action}` → /^workflow\.[a-z_]+$/).
 */
function writtenEventTypes(): { literals: Set<string>; templates: Set<string> } {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(?:eventType|event_type)\??:\s*([^\n]+)/g)) {
      const expr = match[1] ?? '';
      for (const m of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.add(m[1] ?? '');
      for (const m of expr.matchAll(/`([a-z_.]*\$\{[^`]+)`/g)) templates.add(m[1] ?? '');
    }
  }
  return { literals, templates };
}

describe('audit event catalogue (core)', () => {
  const catalogue = new Set<string>(AUDIT_EVENT_TYPES);
  const { literals, templates } = writtenEventTypes();

  it('reads a plausible number of event types from the server source', () => {
    expect(literals.size).toBeGreaterThan(100);
    expect(templates.size).toBeGreaterThanOrEqual(4);
  });

  it('names every event type the server writes', () => {
    expect([...literals].filter((type) => !catalogue.has(type)).sort()).toEqual([]);
  });

  it('names at least one concrete event for every templated event type', () => {
    const uncovered = [...templates].filter((template) => {
      const pattern = new RegExp(`^${template.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[a-z_]+')}$`);
      return ![...catalogue].some((type) => pattern.test(type));
    });
    expect(uncovered).toEqual([]);
  });
});
