import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support/test-app.ts';

interface Operation {
  readonly parameters?: readonly { readonly in: string; readonly name: string }[];
  readonly requestBody?: unknown;
  readonly responses?: Record<string, { readonly content?: Record<string, { readonly schema?: unknown }> } | undefined>;
}
type PathItem = Record<string, Operation>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** A success status with content must carry a schema; 204 (no content) is complete as declared. */
function hasSuccessSchema(op: Operation): boolean {
  const successes = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (successes.length === 0) return false;
  return successes.every(([status, res]) => {
    if (status === '204') return true;
    const contents = Object.values(res?.content ?? {});
    return contents.length > 0 && contents.every((c) => c.schema !== undefined);
  });
}

/**
 * Reads the OpenAPI document the app publishes and fails for any operation under /api that
 * lacks a response schema for its success status, a schema for a path parameter, or a body
 * schema on a write: the published contract is what the web and other clients build on.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let paths: Record<string, PathItem>;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    paths = res.json<{ paths: Record<string, PathItem> }>().paths;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m] !== undefined && path.startsWith('/api/')).map((m) => ({
        label: `${m.toUpperCase()} ${path}`,
        method: m,
        path,
        op: item[m] as Operation,
      })),
    );

  it('lists every route of the app', () => {
    const documented = new Set(operations().map((o) => o.label.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1')));
    const missing = t.app.routeInventory.map((r) => `${r.method} ${r.url.replace(/(.)\/$/, '$1')}`).filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    expect(documented.size).toBeGreaterThan(200);
  });

  it('declares a response schema for the success status of every operation', () => {
    const offenders = operations()
      .filter((o) => !hasSuccessSchema(o.op))
      .map((o) => o.label);
    expect(offenders).toEqual([]);
  });

  it('declares every path parameter', () => {
    const offenders = operations()
      .filter((o) => {
        const named = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = new Set((o.op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
        return named.some((n) => !declared.has(n!));
      })
      .map((o) => o.label);
    expect(offenders).toEqual([]);
  });

  it('declares a body schema on every write that takes a body', () => {
    const bodiless = new Set(t.app.routeInventory.filter((r) => r.noBody).map((r) => `${r.method} ${r.url}`));
    const offenders = operations()
      .filter((o) => BODY_METHODS.has(o.method) && o.op.requestBody === undefined)
      .map((o) => o.label)
      .filter((label) => !bodiless.has(label.replace(/\{(\w+)\}/g, ':$1')));
    expect(offenders).toEqual([]);
  });
});
