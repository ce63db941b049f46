import type { AuditEntry, AuditPage } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestApp, dialects, type Client, type TestApp } from '../../test-support/test-app.ts';
import { planAuditExport } from './audit-log-service.ts';
import { breakAuditInserts } from './audit-test-support.ts';

describe.each(dialects)('audit console on %s', (dialect) => {
  let t: TestApp;
  let auditor: Client;
  let sys: Client;
  const formula = '=HYPERLINK("http://x","y")';
  const failLogin = (username: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'wrong-password' } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sys = await adminClient(t, 'sysadmin');
    auditor = await adminClient(t, 'auditadmin');
    t.clock.advance(60_000);
    await failLogin('Mallory_1');
    await failLogin('mallory_1');
    await failLogin(formula);
  });
  afterAll(() => t.close());

  const search = async (query: string): Promise<AuditPage> => {
    const res = await auditor.get(`/api/v1/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditPage>();
  };

  it('pages newest first with a total, and filters by outcome, event type, actor, time and object', async () => {
    const all = await search('pageSize=5');
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    const seqs = all.items.map((i) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect((await search('pageSize=5&sort=seq')).items[0]?.seq).toBe(1);

    const failures = await search('eventType=auth.login&outcome=failure');
    expect(failures.total).toBe(3);
    expect(failures.items.every((i) => i.eventType === 'auth.login' && i.outcome === 'failure')).toBe(true);
    // Contains, case-insensitive, and "_" is a literal character rather than a LIKE wildcard.
    expect((await search('actor=LORY_1')).items.map((i) => i.actorName).sort()).toEqual(['Mallory_1', 'mallory_1']);
    expect((await search('actor=lory%251')).total).toBe(0);
    expect((await search('eventType=auth.*&outcome=failure')).total).toBe(3);

    t.clock.advance(60_000);
    const since = t.clock.now().toISOString();
    await failLogin('later');
    const recent = await search(`from=${encodeURIComponent(since)}&eventType=auth.login`);
    expect(recent.items.map((i) => i.actorName)).toEqual(['later']);
    expect((await search(`to=${encodeURIComponent(since)}&actor=later`)).total).toBe(0);
    const aboutSys = await search(`objectId=${sys.userId}&eventType=user.create`);
    expect(aboutSys.items).toHaveLength(1);
    expect(aboutSys.items[0]).toMatchObject({ actorName: 'system', objectType: 'user', detail: { after: { adminKind: 'sysadmin' } } });
  });

  it('rejects unknown filters and malformed times instead of ignoring them', async () => {
    expect((await auditor.get('/api/v1/audit?user=x')).statusCode).toBe(400);
    expect((await auditor.get('/api/v1/audit?from=yesterday')).statusCode).toBe(400);
    expect((await auditor.get('/api/v1/audit?eventType=a%25')).statusCode).toBe(400);
  });

  it("audits the auditor's own searches in the same log", async () => {
    await search('actor=mallory');
    const page = await search('eventType=audit.query&pageSize=2');
    // A search is recorded after it has read, so the newest audit.query row is the previous search.
    const mine = page.items[0] as AuditEntry;
    expect(mine).toMatchObject({ actorId: auditor.userId, actorName: 'auditadmin', actorRole: 'auditadmin', outcome: 'success' });
    expect(mine.detail).toMatchObject({ filter: { actor: 'mallory' }, total: 2 });
    expect(mine.srcIp).toBeTruthy();
  });

  it('exports a real xlsx with Chinese headers, records the export, and keeps formulas as text', async () => {
    const res = await auditor.get('/api/v1/audit/export?eventType=auth.login&outcome=failure');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{8}T\d{6}\.xlsx"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer); // exceljs types its own Buffer alias
    const sheet = book.getWorksheet('审计日志');
    if (!sheet) throw new Error('sheet missing');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['序号', '时间（UTC）', '操作人', '来源IP', '事件类型', '结果', '详情', '本条哈希']));
    expect(sheet.actualRowCount).toBe(1 + 4);
    const col = (name: string) => header.indexOf(name) + 1;
    const newest = sheet.getRow(2);
    expect(newest.getCell(col('操作人')).value).toBe('later');
    expect(newest.getCell(col('事件类型')).value).toBe('auth.login');
    expect(newest.getCell(col('结果')).value).toBe('失败');
    const crafted = sheet.getRow(3).getCell(col('操作人'));
    expect(crafted.value).toBe(formula);
    expect(crafted.type).toBe(ExcelJS.ValueType.String);

    const exports = await search('eventType=audit.export');
    expect(exports.items[0]).toMatchObject({
      actorName: 'auditadmin',
      outcome: 'success',
      detail: { count: 4, filter: { eventType: 'auth.login', outcome: 'failure' } },
    });
  });

  it('refuses an export over the row cap instead of cutting it short, and records the refusal', async () => {
    const actor = { userId: auditor.userId, username: 'auditadmin', role: 'auditadmin', ip: '127.0.0.1', requestId: null };
    const filter = { eventType: 'auth.login', outcome: 'failure' as const };
    await expect(planAuditExport(t.ctx, actor, filter, 2)).rejects.toMatchObject({
      code: 'AUDIT_EXPORT_TOO_LARGE',
      details: { total: 4, max: 2 },
    });
    expect((await search('eventType=audit.export&outcome=failure')).items[0]?.detail).toMatchObject({
      filter,
      count: 4,
      reason: 'too_large',
    });
    await expect(planAuditExport(t.ctx, actor, filter, 4)).resolves.toMatchObject({ count: 4 });
  });

  it('verifies the hash chain on request, and records that it did', async () => {
    const res = await auditor.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json<{ checked: number }>().checked).toBeGreaterThan(10);
    expect((await search('eventType=audit.verify')).items[0]).toMatchObject({ actorName: 'auditadmin', detail: { ok: true } });
  });

  it('refuses the audit console to the system administrator (三员分立), and audits the denial', async () => {
    for (const url of ['/api/v1/audit/checkpoint', '/api/v1/audit', '/api/v1/audit/export', '/api/v1/audit/verify']) {
      const res = await sys.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const denials = await search(`eventType=access.denied&actor=sysadmin`);
    expect(denials.items[0]?.detail).toMatchObject({ reason: 'permission', permission: 'audit:read' });
  });

  it('has no route that writes, edits or deletes audit rows, for any method', async () => {
    const auditRoutes = t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/audit'));
    expect(auditRoutes.length).toBeGreaterThanOrEqual(3);
    expect(auditRoutes.every((r) => r.method === 'GET' || r.method === 'HEAD')).toBe(true);
    const some = (await search('pageSize=1')).items[0] as AuditEntry;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/v1/audit', `/api/v1/audit/${some.id}`, `/api/v1/audit/${some.seq}`]) {
        const res = await auditor.request({ method, url, payload: { detail: {} } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });

  it('returns nothing when the search itself cannot be audited (fail closed)', async () => {
    const repair = await breakAuditInserts(t.connection);
    try {
      const res = await auditor.get('/api/v1/audit?pageSize=5');
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('auth.login');
      expect((await auditor.get('/api/v1/audit/export')).statusCode).toBe(500);
    } finally {
      await repair();
    }
    expect((await auditor.get('/api/v1/audit?pageSize=5')).statusCode).toBe(200);
  });
});
