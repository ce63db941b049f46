import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support/test-app.ts';

/**
 * L3-CES1-17 最小安装 (SECURITY.md): a production server offers no API explorer unless it is
 * switched on, and no demo, seed or test endpoint is reachable over HTTP at all (demo data is
 * the CLI's job).
 */
describe('minimal installation in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    delete process.env.ENABLE_API_DOCS;
    t = await createTestApp('sqlite', { production: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves no API explorer and no demo, seed or test route', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    const everyRoute = t.app.routeInventory.map((r) => r.url);
    expect(everyRoute.length).toBeGreaterThan(50);
    // Whole words: `contests` is not a test route.
    expect(everyRoute.filter((url) => /\b(seed|demo|test|debug)/i.test(url))).toEqual([]);
  });
});
