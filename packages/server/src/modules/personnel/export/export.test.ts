import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { makeIdNumber } from '@zhenggong/core';
import { pngOf } from '../../../platform/files/hostile-files.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../../test-support/test-app.ts';
import { addHistory, docxParts, docxText, readXlsx, sheetRows } from './export-test-support.ts';
import { planListExport } from './list-export.ts';
import { watermarkOf } from './watermark.ts';

const ZHANG_ID = makeIdNumber('330102', '1985-03-15', 123);
const person = (orgId: string, over: Record<string, unknown> = {}) => ({
  kind: 'officer',
  name: '张伟',
  idNumber: ZHANG_ID,
  ethnicity: '汉',
  politicalStatus: '党员',
  education: '本科',
  nativePlace: '330102',
  birthplace: '330282',
  partyJoinDate: '2006-06-01',
  phone: '13800138000',
  policeStartDate: '2007-07-01',
  workStartDate: '2007-07-01',
  policeNumber: '012345',
  orgId,
  post: '副所长',
  rank: '一级警司',
  ...over,
});
const P = '/api/v1/personnel';

describe.each(dialects)('personnel exports on %s', (dialect) => {
  let t: TestApp;
  let hr: Client;
  let exporter: Client;
  let reader: Client;
  let outsider: Client;
  let zhang: string;
  let branch: string;
  let station: string;
  let other: string;
  const audits = (type: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('event_type', '=', type).orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局');
    const all = ['personnel:read', 'personnel:write', 'personnel:export', 'personnel:reveal', 'personnel:import'];
    await makeUser(t.ctx, 'hr', branch, 'Hr#Pass12345', [await makeRole(t.ctx, 'hr', all, 'org_and_below')]);
    await makeUser(t.ctx, 'exporter', branch, 'Ex#Pass12345', [
      await makeRole(t.ctx, 'exporter', ['personnel:read', 'personnel:export'], 'org_and_below'),
    ]);
    await makeUser(t.ctx, 'reader', branch, 'Rd#Pass12345', [
      await makeRole(t.ctx, 'reader', ['personnel:read', 'personnel:import'], 'org_and_below'),
    ]);
    await makeUser(t.ctx, 'outsider', other, 'Ot#Pass12345', [await makeRole(t.ctx, 'outsider', all, 'org_and_below')]);
    [hr, exporter, reader, outsider] = await Promise.all([
      login(t.app, 'hr', 'Hr#Pass12345'),
      login(t.app, 'exporter', 'Ex#Pass12345'),
      login(t.app, 'reader', 'Rd#Pass12345'),
      login(t.app, 'outsider', 'Ot#Pass12345'),
    ]);
    const made = await hr.post(`${P}/people`, person(station));
    expect(made.statusCode, made.body).toBe(201);
    zhang = made.json<{ id: string }>().id;
    await addHistory(t.ctx, zhang);
    // Two more in the branch (one 大专), one in the other branch.
    for (const [i, over] of [
      { name: '李娜', education: '大专', orgId: branch },
      { name: '王芳', orgId: station, sex: '2' },
    ].entries()) {
      const res = await hr.post(
        `${P}/people`,
        person(branch, {
          idNumber: makeIdNumber('330105', `198${i}-08-08`, 200 + i * 2),
          policeNumber: `02000${i}`,
          phone: undefined,
          ...over,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await outsider.post(
      `${P}/people`,
      person(other, { name: '赵强', idNumber: makeIdNumber('330105', '1980-01-01', 301), policeNumber: '030000' }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => t.close());

  it('writes the 干部任免审批表 as a real docx: form items, 1985.03, resume, family, awards, watermark', async () => {
    const res = await exporter.get(
      `${P}/people/${zhang}/appointment-form.docx?proposedPost=${encodeURIComponent('清波派出所所长')}&health=${encodeURIComponent('健康')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('干部任免审批表-张伟.docx'));
    const bytes = res.rawPayload;
    expect(await docxParts(bytes)).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml']));
    const text = await docxText(bytes);
    for (const s of [
      '干部任免审批表',
      '张伟',
      '男',
      '1985.03',
      '（41岁）',
      '汉族',
      '浙江杭州',
      '浙江慈溪',
      '2006.06',
      '2007.07',
      '中共党员',
    ])
      expect(text).toContain(s);
    // 健康状况, as the submitting unit stated it, stands beside its label.
    expect(text).toMatch(/健康状况\n健康\n/);
    expect(text).toContain('大学\n法学学士');
    expect(text).toContain('中国人民公安大学侦查学专业');
    expect(text).toContain('研究生\n法律硕士');
    expect(text).toContain('示例市公安局上城分局清波派出所副所长');
    expect(text).toContain('清波派出所所长');
    expect(text).toContain('2003.09—2007.07  中国人民公安大学侦查学专业学生');
    expect(text).toContain('2015.03—         示例市公安局上城分局清波派出所副所长<script>x</script>');
    expect(text).toContain('2019.12  记个人三等功（示例市公安局）');
    expect(text).toContain('2012.04  受警告处分（执勤迟到）');
    // Family: 称谓, 姓名, 年龄 on 2026-06-01, 政治面貌, 工作单位及职务.
    expect(text).toMatch(/妻子\n李芳\n39\n中共党员\n示例市第一医院护士/);
    expect(text).toMatch(/父亲\n张建国\n67\n群众\n已退休/);
    for (const s of ['家', '呈', '审', '照  片', '填表人：exporter']) expect(text).toContain(s);
    expect(text).not.toContain(ZHANG_ID);
    const footer = (await docxParts(bytes)).find((p) => /^word\/footer\d*\.xml$/.test(p));
    expect(await docxText(bytes, footer)).toContain('导出人：exporter（exporter）  导出时间：2026-06-01 07:30');
    const [audit] = (await audits('person.export')).filter((a) => a.object_id === zhang);
    expect(JSON.parse(audit!.detail)).toEqual({
      kind: 'appointment-form.docx',
      count: 1,
      revealed: [],
      filledIn: ['proposedPost', 'health'],
    });
    expect(audit!.actor_name).toBe('exporter');
  });

  it('exports the filtered list as xlsx: chosen columns, names for codes, masked IDs, the watermark sheet and an audit row', async () => {
    const res = await exporter.get(
      `${P}/export.xlsx?education=21&orgId=${branch}&columns=name,idNumberMasked,ethnicity,politicalStatus,orgName,nativePlace&sort=name&page=3&pageSize=1`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    const wb = await readXlsx(res.rawPayload);
    const sheet = wb.getWorksheet('人员名单')!;
    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual(['姓名', '身份证号（脱敏）', '民族', '政治面貌', '所在单位', '籍贯']);
    // page/pageSize are ignored: the whole filtered list, sorted as the list is (by pinyin: wangfang, zhangwei).
    expect(rows.slice(1).map((r) => r[0])).toEqual(['王芳', '张伟']);
    expect(rows[2]).toEqual(['张伟', `330102********${ZHANG_ID.slice(14)}`, '汉族', '中国共产党党员', '清波派出所', '浙江杭州']);
    for (const r of rows.slice(1)) expect(String(r[1])).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(sheet.headerFooter.oddHeader).toContain('导出人：exporter（exporter）');
    const about = sheetRows(wb.getWorksheet('导出信息')!);
    expect(about).toEqual(
      expect.arrayContaining([
        ['导出人', 'exporter（exporter）'],
        ['导出时间（北京时间）', '2026-06-01 07:30'],
        ['记录数', 2],
      ]),
    );
    expect(String(about.find((r) => r[0] === '筛选条件')![1])).toContain('"education":"21"');
    expect(wb.creator).toBe('exporter');
    const audit = (await audits('person.export')).find((a) => JSON.parse(a.detail).kind === 'list.xlsx')!;
    const detail = JSON.parse(audit.detail);
    expect(detail).toMatchObject({
      count: 2,
      revealed: [],
      filter: { education: '21', orgId: branch, sort: 'name' },
      columns: ['name', 'idNumberMasked', 'ethnicity', 'politicalStatus', 'orgName', 'nativePlace'],
    });
    expect(audit.detail).not.toContain('张伟');
  });

  it('writes full ID numbers only for a caller holding personnel:reveal, and says so in the audit', async () => {
    const denied = await exporter.get(`${P}/export.xlsx?columns=name,idNumber`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('PERSON_EXPORT_REVEAL_FORBIDDEN');
    expect((await audits('access.denied')).some((a) => JSON.parse(a.detail).reason === 'reveal' && a.actor_name === 'exporter')).toBe(true);
    const res = await hr.get(`${P}/export.xlsx?keyword=${ZHANG_ID}&columns=name,idNumber,phone`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = sheetRows((await readXlsx(res.rawPayload)).getWorksheet('人员名单')!);
    expect(rows).toEqual([
      ['姓名', '身份证号', '手机号'],
      ['张伟', ZHANG_ID, '13800138000'],
    ]);
    const audit = (await audits('person.export')).filter((a) => a.actor_name === 'hr').at(-1)!;
    expect(JSON.parse(audit.detail)).toMatchObject({
      kind: 'list.xlsx',
      count: 1,
      revealed: ['idNumber', 'phone'],
      filter: { keyword: `330102********${ZHANG_ID.slice(14)}` },
    });
    expect(audit.detail).not.toContain(ZHANG_ID);
    expect((await exporter.get(`${P}/export.xlsx?columns=name,shoeSize`)).json().error).toMatchObject({
      code: 'PERSON_EXPORT_COLUMN_UNKNOWN',
      details: { column: 'shoeSize' },
    });
  });

  it('refuses an export above the row cap before anything is written, and audits the attempt', async () => {
    const principal = { username: 'hr', displayName: 'hr' } as Parameters<typeof watermarkOf>[0];
    const req = {
      principal: { ...principal, permissions: new Set<string>() } as Parameters<typeof watermarkOf>[0],
      actor: { userId: null, username: 'hr', role: 'hr', ip: null, requestId: null },
      scope: { all: true } as const,
      revealScope: async () => ({ all: true }) as const,
      query: {},
      mark: watermarkOf(principal, t.clock.now()),
      maxRows: 2,
    };
    await expect(planListExport(t.ctx, req)).rejects.toMatchObject({ code: 'PERSON_EXPORT_TOO_LARGE', details: { total: 4, max: 2 } });
    const last = (await audits('person.export')).at(-1)!;
    expect(last.outcome).toBe('failure');
    expect(JSON.parse(last.detail)).toMatchObject({ reason: 'too_large', count: 4 });
  });

  it('keeps other branches out: 404 on their documents, only their own people in the list, 404 on their org filter', async () => {
    for (const doc of ['appointment-form.docx', 'appointment-form.lrmx', 'print']) {
      const res = await outsider.get(`${P}/people/${zhang}/${doc}`);
      expect(res.statusCode, doc).toBe(404);
      expect(res.body).not.toContain('张伟');
    }
    const list = await outsider.get(`${P}/export.xlsx?columns=name`);
    expect(sheetRows((await readXlsx(list.rawPayload)).getWorksheet('人员名单')!)).toEqual([['姓名'], ['赵强']]);
    const empty = await outsider.get(`${P}/export.xlsx?keyword=zw`);
    expect(sheetRows((await readXlsx(empty.rawPayload)).getWorksheet('人员名单')!)).toHaveLength(1);
    expect((await outsider.get(`${P}/export.xlsx?orgId=${branch}`)).statusCode).toBe(404); // another branch's org answers like a missing one
  });

  it('answers 403 without personnel:export on every export route', async () => {
    for (const url of [
      `${P}/export.xlsx`,
      `${P}/export/columns`,
      `${P}/people/${zhang}/appointment-form.docx`,
      `${P}/people/${zhang}/appointment-form.lrmx`,
      `${P}/people/${zhang}/print`,
    ]) {
      expect((await reader.get(url)).statusCode, url).toBe(403);
    }
    expect(
      (
        await exporter.request({
          method: 'POST',
          url: `${P}/lrmx/preview`,
          payload: '<Person/>',
          headers: { 'content-type': 'application/xml' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('writes the .lrmx and reads it back to the same fields (round trip), ID number by permission', async () => {
    const masked = await exporter.get(`${P}/people/${zhang}/appointment-form.lrmx`);
    expect(masked.statusCode, masked.body).toBe(200);
    expect(masked.body).toContain('<XingMing>张伟</XingMing>');
    expect(masked.body).toContain('<ChuShengNianYue>198503</ChuShengNianYue>');
    expect(masked.body).toContain('<JianLi>2003.09--2007.07  中国人民公安大学侦查学专业学生\r\n');
    expect(masked.body).toContain('&lt;script&gt;');
    expect(masked.body).not.toContain(ZHANG_ID);
    // 健康状况 is left for the unit when it states none, and written as stated when it does.
    expect(masked.body).toMatch(/<JianKangZhuangKuang(\/>|><\/JianKangZhuangKuang>)/);
    const full = await hr.get(`${P}/people/${zhang}/appointment-form.lrmx?health=${encodeURIComponent('一般')}`);
    expect(full.body).toContain(`<ShenFenZheng>${ZHANG_ID}</ShenFenZheng>`);
    expect(full.body).toContain('<JianKangZhuangKuang>一般</JianKangZhuangKuang>');
    expect(JSON.parse((await audits('person.export')).at(-1)!.detail)).toMatchObject({
      kind: 'appointment-form.lrmx',
      revealed: ['idNumber'],
    });

    const back = await reader.request({
      method: 'POST',
      url: `${P}/lrmx/preview`,
      payload: full.rawPayload,
      headers: { 'content-type': 'application/xml' },
    });
    expect(back.statusCode, back.body).toBe(200);
    const p = back.json();
    expect(p).toMatchObject({
      name: '张伟',
      sex: '男',
      birthMonth: '1985-03',
      ethnicity: '汉族',
      nativePlace: '浙江杭州',
      birthplace: '浙江慈溪',
      partyJoinMonth: '2006-06',
      workStartMonth: '2007-07',
      fullTime: { education: '大学', degree: '法学学士', school: '中国人民公安大学侦查学专业' },
      partTime: { education: '研究生', degree: '法律硕士', school: '浙江大学法律专业' },
      currentPost: '示例市公安局上城分局清波派出所副所长',
      idNumberValid: true,
      idNumberMasked: `330102********${ZHANG_ID.slice(14)}`,
      filledBy: 'hr',
      ageAsOf: '20260601',
      codes: { sex: '1', ethnicity: '01' },
      unknownElements: [],
      version: '3.2.1.16',
      hasPhoto: false,
    });
    // With a photo on record, <ZhaoPian> carries the stored image, base64.
    const png = pngOf(300, 400);
    const put = await hr.request({
      method: 'PUT',
      url: `${P}/people/${zhang}/photo`,
      payload: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(put.statusCode, put.body).toBe(204);
    const withPhoto = await hr.get(`${P}/people/${zhang}/appointment-form.lrmx`);
    expect(withPhoto.body).toContain(`<ZhaoPian>${png.toString('base64')}</ZhaoPian>`);
    // Back to no photo: the no-disk-write test below spies on every file open.
    await t.ctx.db.updateTable('person').set({ photo: null }).where('id', '=', zhang).execute();
    expect(p.resume).toEqual([
      { start: '2003-09', end: '2007-07', text: '中国人民公安大学侦查学专业学生' },
      { start: '2007-07', end: '2015-03', text: '示例市公安局上城分局清波派出所民警' },
      { start: '2015-03', end: '', text: '示例市公安局上城分局清波派出所副所长<script>x</script>' },
    ]);
    expect(p.family).toEqual([
      { relation: '妻子', name: '李芳', birthMonth: '1987-05', political: '中共党员', workUnit: '示例市第一医院护士' },
      { relation: '父亲', name: '张建国', birthMonth: '1958-11', political: '群众', workUnit: '已退休' },
    ]);
    expect(p.rewards).toBe('2012.04  受警告处分（执勤迟到）\n2019.12  记个人三等功（示例市公安局）');
    expect(back.body).not.toContain(ZHANG_ID);
    const bad = await reader.request({
      method: 'POST',
      url: `${P}/lrmx/preview`,
      payload: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Person>&e;</Person>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(bad.json().error.code).toBe('LRMX_INVALID');
    expect((await reader.post(`${P}/lrmx/preview`, { orgId: other })).statusCode).toBe(400);
  });

  it('prints the profile as self-contained HTML under a CSP that allows no script', async () => {
    const res = await exporter.get(`${P}/people/${zhang}/print`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    const style = /<style>([\s\S]*)<\/style>/.exec(res.body)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(res.body).not.toMatch(/<script|<link|<img|src=/i);
    expect(res.body).toContain('&lt;script&gt;x&lt;/script&gt;');
    for (const s of [
      '人员信息表',
      '张伟',
      '1985-03-15（41岁）',
      '330102********',
      '履历时间轴',
      '授予一级警司',
      '记个人三等功',
      '李芳',
      '@page',
      'size: A4',
      '导出人：exporter',
    ])
      expect(res.body).toContain(s);
    expect(res.body).not.toContain(ZHANG_ID);
    expect(JSON.parse((await audits('person.export')).at(-1)!.detail)).toMatchObject({ kind: 'print', count: 1 });
  });

  it('lists the column catalogue with Chinese headers', async () => {
    const cols = (await exporter.get(`${P}/export/columns`)).json<{ key: string; header: string; reveal: boolean; default: boolean }[]>();
    expect(cols.find((c) => c.key === 'idNumber')).toEqual({ key: 'idNumber', header: '身份证号', reveal: true, default: false });
    expect(cols.find((c) => c.key === 'ethnicity')).toMatchObject({ header: '民族', default: true });
  });

  it('writes no file to disk while exporting (no temp files to leave behind, L3-CES1-33)', async () => {
    const spies = [
      vi.spyOn(fs, 'createWriteStream'),
      vi.spyOn(fs, 'writeFileSync'),
      vi.spyOn(fs, 'openSync'),
      vi.spyOn(fs.promises, 'writeFile'),
      vi.spyOn(fs.promises, 'open'),
      vi.spyOn(fs, 'mkdtempSync'),
    ];
    try {
      expect((await hr.get(`${P}/export.xlsx?columns=name,idNumber`)).statusCode).toBe(200);
      expect((await hr.get(`${P}/people/${zhang}/appointment-form.docx`)).statusCode).toBe(200);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
