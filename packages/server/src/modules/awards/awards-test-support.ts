import { makeIdNumber, passwordPolicies } from '@zhenggong/core';
import JSZip from 'jszip';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import type { Dialect } from '../../db/connect.ts';
import { createPersonRecord } from '../personnel/people.ts';

export const PW = 'Award#Pass1234';
const USERS = ['station', 'branch', 'city', 'city2', 'reader', 'officer'] as const;
export type AwardUser = (typeof USERS)[number];

export interface AwardWorld {
  readonly t: TestApp;
  readonly ids: {
    root: string;
    cityOffice: string;
    branch: string;
    branchOffice: string;
    station: string;
    zhang: string;
    li: string;
    wang: string;
    zhao: string;
  };
  c: Record<AwardUser, Client>;
  /** Sets the app's clock to 10:00 Beijing time on `date` and logs everyone in again (sessions time out over the jump). */
  setDay(date: string): Promise<void>;
}

let serial = 700;
export async function makeOfficer(t: TestApp, orgId: string, name: string, kind: 'officer' | 'auxiliary' = 'officer'): Promise<string> {
  serial += 1;
  const input =
    kind === 'officer'
      ? { kind, name, idNumber: makeIdNumber('330106', '1988-05-05', serial), orgId }
      : { kind, name, idNumber: makeIdNumber('330106', '1996-05-05', serial), orgId, auxCategory: '勤务辅警' };
  return (await t.ctx.db.transaction().execute((trx) => createPersonRecord(trx, t.ctx, input, '2015-01-01'))).id;
}

/**
 * A city bureau with its political department, a branch with its political office and a station;
 * a station clerk who nominates, a branch and two city approvers, a reader without discipline
 * rights, and an officer with an account linked to their own record.
 */
export async function awardWorld(dialect: Dialect): Promise<AwardWorld> {
  const t = await createTestApp(dialect, { passwordPolicy: { ...passwordPolicies.mlps3, maxAgeDays: 0 } });
  const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
  const cityOffice = await makeOrg(t.ctx, root, '市局政治部', { isUnit: false });
  const branch = await makeOrg(t.ctx, root, '上城分局');
  const branchOffice = await makeOrg(t.ctx, branch, '上城分局政治处', { isUnit: false });
  const station = await makeOrg(t.ctx, branch, '湖滨派出所', { type: 'station' });
  const nominator = await makeRole(
    t.ctx,
    'award-nominator',
    ['awards:read', 'awards:nominate', 'exemplars:read', 'exemplars:nominate'],
    'org_and_below',
  );
  const branchRole = await makeRole(
    t.ctx,
    'award-branch',
    ['awards:read', 'awards:nominate', 'awards:approve', 'exemplars:read'],
    'org_and_below',
  );
  const cityRole = await makeRole(
    t.ctx,
    'award-city',
    [
      'awards:read',
      'awards:nominate',
      'awards:approve',
      'awards:rules',
      'discipline:read',
      'discipline:write',
      'exemplars:read',
      'exemplars:nominate',
      'exemplars:manage',
      'personnel:read',
      'personnel:export',
    ],
    'all',
  );
  const reader = await makeRole(t.ctx, 'award-reader', ['awards:read', 'personnel:read'], 'all');
  await makeUser(t.ctx, 'station', station, PW, [nominator]);
  await makeUser(t.ctx, 'branch', branchOffice, PW, [branchRole]);
  await makeUser(t.ctx, 'city', cityOffice, PW, [cityRole]);
  await makeUser(t.ctx, 'city2', cityOffice, PW, [cityRole]);
  await makeUser(t.ctx, 'reader', cityOffice, PW, [reader]);
  const officerUser = await makeUser(t.ctx, 'officer', station, PW, []);
  const zhang = await makeOfficer(t, station, '张立功');
  const li = await makeOfficer(t, station, '李受处');
  const wang = await makeOfficer(t, station, '王辅警', 'auxiliary');
  const zhao = await makeOfficer(t, station, '赵典型');
  await t.ctx.db.updateTable('app_user').set({ person_id: li }).where('id', '=', officerUser).execute();
  const world: AwardWorld = {
    t,
    ids: { root, cityOffice, branch, branchOffice, station, zhang, li, wang, zhao },
    c: {} as Record<AwardUser, Client>,
    async setDay(date: string) {
      t.clock.set(new Date(`${date}T02:00:00.000Z`));
      const clients = await Promise.all(USERS.map((u) => login(t.app, u, PW)));
      world.c = Object.fromEntries(USERS.map((u, i) => [u, clients[i]!])) as Record<AwardUser, Client>;
    },
  };
  return world;
}

/** Paragraph text of a .docx (document part), one paragraph a line. */
export async function docxPlainText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

export const nomination = (personIds: string[], patch: Record<string, unknown> = {}) => ({
  recipient: 'individual',
  personIds,
  level: '三等功',
  title: '记个人三等功',
  deedTitle: '破获“9·12”系列盗窃案',
  deedDate: '2026-09-12',
  deedSummary: '连续蹲守七昼夜，抓获犯罪嫌疑人5名，追回被盗财物价值12万元。',
  leadership: false,
  fastTrack: false,
  reviewDemocratic: '经所务会民主评议，全票同意推荐。',
  reviewCollective: '所党支部集体研究，同意报请记个人三等功。',
  ...patch,
});
