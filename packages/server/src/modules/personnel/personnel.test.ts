import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';

const person = (orgId: string, over: Record<string, unknown> = {}) => ({
  kind: 'officer',
  name: '张伟',
  idNumber: makeIdNumber('330102', '1985-03-15', 123),
  ethnicity: '汉',
  politicalStatus: '党员',
  education: '本科',
  phone: '13800138000',
  policeStartDate: '2008-07-01',
  workStartDate: '2008-07-01',
  policeNumber: '012345',
  orgId,
  post: '科员',
  rank: '一级警司',
  ...over,
});

describe.each(dialects)('personnel records on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let branch: string;
  let station: string;
  let other: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局');
    const role = await makeRole(t.ctx, 'hr', ['personnel:read', 'personnel:write', 'personnel:reveal'], 'org_and_below');
    await makeUser(t.ctx, 'hr', branch, 'Hr#Pass12345', [role]);
    staff = await login(t.app, 'hr', 'Hr#Pass12345');
  });
  afterAll(() => t.close());

  it('creates a person, deriving sex and birth date, resolving synonyms and masking the ID number', async () => {
    const res = await staff.post('/api/v1/personnel/people', person(station));
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: '张伟',
      sex: '1',
      birthDate: '1985-03-15',
      ethnicity: '01',
      politicalStatus: '01',
      education: '21',
      idNumberMasked: '330102********' + p.idNumberMasked.slice(-4),
      phoneMasked: '138****8000',
    });
    expect(res.body).not.toContain(makeIdNumber('330102', '1985-03-15', 123));
    expect(p.history.orgs).toHaveLength(1);
    const stored = await t.ctx.db
      .selectFrom('person')
      .select(['id_number_enc', 'phone_enc'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(stored.id_number_enc).not.toContain('330102');
    expect(stored.phone_enc).not.toContain('13800138000');
  });

  it('refuses inconsistent data with every problem named, and duplicates', async () => {
    const bad = await staff.post(
      '/api/v1/personnel/people',
      person(station, {
        idNumber: makeIdNumber('330102', '1990-01-01', 2),
        sex: '1',
        birthDate: '1990-01-02',
        ethnicity: '火星族',
        policeNumber: 'AB',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('PERSON_INVALID');
    expect(
      bad
        .json()
        .error.details.problems.map((x: { code: string }) => x.code)
        .sort(),
    ).toEqual(['birth_date_mismatch', 'police_number_format', 'sex_mismatch', 'unknown_code']);
    // An impossible career: born 2012, "joined the police" in 2020; a 辅警 with a police number.
    const young = await staff.post(
      '/api/v1/personnel/people',
      person(station, { idNumber: makeIdNumber('330102', '2012-05-01', 11), policeStartDate: '2020-09', policeNumber: '099998' }),
    );
    expect(young.statusCode).toBe(400);
    expect(young.json().error.details.problems).toEqual(
      expect.arrayContaining([{ field: 'policeStartDate', code: 'police_start_too_young', value: '2020-09' }]),
    );
    const aux = await staff.post(
      '/api/v1/personnel/people',
      person(station, {
        idNumber: makeIdNumber('330102', '1995-05-01', 13),
        kind: 'auxiliary',
        policeNumber: '099997',
        rank: undefined,
        policeStartDate: '2015-07-01',
        workStartDate: '2015-07-01',
      }),
    );
    expect(aux.json().error.details.problems).toEqual([{ field: 'policeNumber', code: 'auxiliary_police_field', value: '099997' }]);
    const dup = await staff.post('/api/v1/personnel/people', person(station, { policeNumber: '099999' }));
    expect(dup.json().error.code).toBe('PERSON_ID_TAKEN');
    const dupPn = await staff.post(
      '/api/v1/personnel/people',
      person(station, { name: '李娜', idNumber: makeIdNumber('330102', '1990-05-05', 124) }),
    );
    expect(dupPn.json().error.code).toBe('PERSON_POLICE_NUMBER_TAKEN');
  });

  it('finds people by pinyin initials, full pinyin, name part, ID number and police number', async () => {
    const lina = await staff.post(
      '/api/v1/personnel/people',
      person(branch, {
        name: '李娜',
        idNumber: makeIdNumber('330105', '1990-06-01', 246),
        policeNumber: undefined,
        rank: undefined,
        education: '大专',
        politicalStatus: '群众',
        kind: 'auxiliary',
      }),
    );
    expect(lina.statusCode, lina.body).toBe(201);
    const q = async (qs: string) =>
      (await staff.get(`/api/v1/personnel/people?${qs}`)).json<{ items: { name: string }[]; total: number }>();
    expect((await q('keyword=zw')).items.map((p) => p.name)).toEqual(['张伟']);
    expect((await q('keyword=lina')).items.map((p) => p.name)).toEqual(['李娜']);
    expect((await q(`keyword=${encodeURIComponent('伟')}`)).items.map((p) => p.name)).toEqual(['张伟']);
    expect((await q(`keyword=${makeIdNumber('330105', '1990-06-01', 246).toLowerCase()}`)).items.map((p) => p.name)).toEqual(['李娜']);
    expect((await q('keyword=012345')).items.map((p) => p.name)).toEqual(['张伟']);
    expect((await q('education=21')).total).toBe(1);
    expect((await q('kind=auxiliary')).items.map((p) => p.name)).toEqual(['李娜']);
    expect((await q(`orgId=${station}`)).items.map((p) => p.name)).toEqual(['张伟']);
    expect((await q(`orgId=${branch}&includeSub=false`)).items.map((p) => p.name)).toEqual(['李娜']);
    // Born 1985-03-15 → 41 on 2026-06-01 (the test clock); 1990-06-01 → 36.
    expect((await q('ageMin=40&ageMax=41')).items.map((p) => p.name)).toEqual(['张伟']);
    expect((await q('ageMax=40')).items.map((p) => p.name)).toEqual(['李娜']);
    // Both joined 2008-07-01: 17 whole years of service on 2026-06-01.
    expect((await q('serviceYearsMin=17')).total).toBe(2);
    expect((await q('serviceYearsMin=18')).total).toBe(0);
    const sorted = await q('sort=-age');
    expect(sorted.items.map((p) => p.name)).toEqual(['张伟', '李娜']);
  });

  it('keeps history on transfer and answers "who was in the unit on date X"', async () => {
    const found = (await staff.get('/api/v1/personnel/people?keyword=zw')).json<{ items: { id: string }[] }>().items[0]!;
    const moved = await staff.patch(`/api/v1/personnel/people/${found.id}`, { orgId: branch, post: '副所长', effectiveDate: '2026-03-01' });
    expect(moved.statusCode, moved.body).toBe(200);
    const h = moved.json().history;
    expect(h.orgs.map((o: { org_name: string; start_date: string; end_date: string | null }) => [o.org_name, o.end_date])).toEqual([
      ['清波派出所', '2026-03-01'],
      ['上城分局', null],
    ]);
    const asOf = async (d: string) =>
      (await staff.get(`/api/v1/personnel/people?orgId=${station}&asOf=${d}`))
        .json<{ items: { name: string }[] }>()
        .items.map((p) => p.name);
    expect(await asOf('2025-12-31')).toEqual(['张伟']);
    expect(await asOf('2026-03-02')).toEqual([]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('object_id', '=', found.id)
      .where('event_type', '=', 'person.update')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toContain('副所长');
    expect(audit.detail).not.toContain('13800138000');
  });

  it('clears an optional field with null, but never the name or the unit', async () => {
    const found = (await staff.get('/api/v1/personnel/people?keyword=zw')).json<{ items: { id: string }[] }>().items[0]!;
    const cleared = await staff.patch(`/api/v1/personnel/people/${found.id}`, { degree: null, phone: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ degree: null, phoneMasked: null });
    expect((await staff.patch(`/api/v1/personnel/people/${found.id}`, { name: null })).statusCode).toBe(400);
    expect((await staff.patch(`/api/v1/personnel/people/${found.id}`, { orgId: null })).statusCode).toBe(400);
    await staff.patch(`/api/v1/personnel/people/${found.id}`, { phone: '13800138000' });
  });

  it('reveals sensitive values only with the permission, and audits the view', async () => {
    const found = (await staff.get('/api/v1/personnel/people?keyword=zw')).json<{ items: { id: string }[] }>().items[0]!;
    const shown = await staff.get(`/api/v1/personnel/people/${found.id}/sensitive`);
    expect(shown.json()).toEqual({ idNumber: makeIdNumber('330102', '1985-03-15', 123), phone: '13800138000' });
    const events = await t.ctx.db
      .selectFrom('audit_log')
      .select('event_type')
      .where('object_id', '=', found.id)
      .where('event_type', '=', 'person.reveal')
      .execute();
    expect(events).toHaveLength(1);
    const readerRole = await makeRole(t.ctx, 'reader', ['personnel:read'], 'org_and_below');
    await makeUser(t.ctx, 'reader', branch, 'Rd#Pass12345', [readerRole]);
    const reader = await login(t.app, 'reader', 'Rd#Pass12345');
    expect((await reader.get(`/api/v1/personnel/people/${found.id}/sensitive`)).statusCode).toBe(403);
  });

  it('keeps other branches out: no listing, no reading, no writing', async () => {
    const outsiderRole = await makeRole(t.ctx, 'other-hr', ['personnel:read', 'personnel:write'], 'org_and_below');
    await makeUser(t.ctx, 'other-hr', other, 'Ot#Pass12345', [outsiderRole]);
    const outsider = await login(t.app, 'other-hr', 'Ot#Pass12345');
    const found = (await staff.get('/api/v1/personnel/people?keyword=zw')).json<{ items: { id: string }[] }>().items[0]!;
    expect((await outsider.get('/api/v1/personnel/people')).json().total).toBe(0);
    expect((await outsider.get(`/api/v1/personnel/people/${found.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/v1/personnel/people/${found.id}`, { post: 'x' })).statusCode).toBe(404);
    expect(
      (
        await outsider.post(
          '/api/v1/personnel/people',
          person(station, { idNumber: makeIdNumber('330102', '1970-01-01', 1), policeNumber: '077777' }),
        )
      ).statusCode,
    ).toBe(404);
    expect((await outsider.get(`/api/v1/personnel/people?orgId=${branch}`)).statusCode).toBe(404);
  });

  it('takes 职级任职时间 and 职务层次 on create and edit, refusing a grade held before starting work or in the future', async () => {
    const id = makeIdNumber('330102', '1987-09-09', 355);
    const early = await staff.post(
      '/api/v1/personnel/people',
      person(station, { name: '钱峰', idNumber: id, policeNumber: '012399', levelDate: '2008-06', postLevel: '乡科级副职' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.problems).toEqual([{ field: 'levelDate', code: 'level_date_before_work_start', value: '2008-06' }]);
    const created = await staff.post(
      '/api/v1/personnel/people',
      person(station, {
        name: '钱峰',
        idNumber: id,
        policeNumber: '012399',
        officerLevel: '610',
        levelDate: '2020-12',
        postLevel: '乡科级副职',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ levelDate: '2020-12', postLevel: '乡科级副职' });
    const pid = created.json().id as string;
    const future = await staff.patch(`/api/v1/personnel/people/${pid}`, { levelDate: '2099-01-01' });
    expect(future.json().error.details.problems).toEqual([{ field: 'levelDate', code: 'date_in_future', value: '2099-01-01' }]);
    expect((await staff.patch(`/api/v1/personnel/people/${pid}`, { postLevel: 'x'.repeat(17) })).statusCode).toBe(400);
    const edited = await staff.patch(`/api/v1/personnel/people/${pid}`, { levelDate: '2021-03-01', postLevel: '乡科级正职' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ levelDate: '2021-03-01', postLevel: '乡科级正职', officerLevel: '610' });
    // The same grade with a corrected date: its open line starts on the corrected date too.
    const officerLines = (
      edited.json().history.levels as { sequence: string; level: string; start_date: string; end_date: string | null }[]
    )
      .filter((l) => l.sequence === 'officer')
      .map((l) => [l.level, l.start_date, l.end_date]);
    expect(officerLines).toEqual([['610', '2021-03-01', null]]);
  });
});
