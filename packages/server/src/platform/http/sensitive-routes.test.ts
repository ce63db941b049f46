import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * Route inventory for personal data in responses (issue 11, points 3 and 7): a route that serves
 * a personal file (a photo, an uploaded document, courseware, study material) must let the
 * platform audit each view (`config.auditView`); exports, printouts, full-value reveals and
 * profiles must at least be `no-store` (`config.sensitive`; their services audit them).
 * Portal routes serve applicants their own files: no-store, no audit.
 */
const FILE_ROUTE = /\/(photo|file|files\/:fileId)$/;
const EXPORT_ROUTE = /(\.xlsx|\.docx|\.lrmx|\.pdf|\/print|\/sensitive|\/ticket|\/export)$/;
/** Files that hold no personal data: blank import templates. */
const NO_PERSONAL_DATA = new Set([
  'GET /api/v1/question-bank/import/template.xlsx',
  'GET /api/v1/competitions/:id/score-sheet.xlsx',
  'GET /api/v1/recruitment/score-template.xlsx',
]);

describe('routes serving personal data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('audit every view of a personal file and keep exports out of caches', () => {
    const routes = t.app.routeInventory.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'));
    const missing: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (NO_PERSONAL_DATA.has(key)) continue;
      if (FILE_ROUTE.test(r.url) && !(r.public ? r.sensitive : r.auditView))
        missing.push(`${key}: ${r.public ? 'sensitive' : 'auditView'}`);
      if (EXPORT_ROUTE.test(r.url) && !r.sensitive) missing.push(`${key}: sensitive`);
    }
    expect(missing).toEqual([]);
    // The inventory test must see the routes it is about.
    expect(routes.filter((r) => FILE_ROUTE.test(r.url)).length).toBeGreaterThanOrEqual(6);
  });

  it('sends a CSP that loads fonts from the app itself only, not from any HTTPS origin', async () => {
    const csp = String((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']);
    expect(csp).toMatch(/font-src 'self' data:(;|$)/);
    expect(csp).not.toContain('https:');
  });
});
