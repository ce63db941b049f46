import { makeIdNumber, permissionCatalogue } from '@zhenggong/core';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { adminClient, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { createPersonRecord } from '../personnel/people.ts';

/**
 * A small force for talent and competition tests: a city bureau with two branches (上城, 拱墅),
 * stations under the first, people in each, a branch-level staff user for each branch and a
 * city-level user holding every business permission with scope `all`.
 */
export async function talentWorld(t: TestApp) {
  const sys = await adminClient(t, 'sysadmin');
  const root = (await sys.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]!.id;
  const branch = await makeOrg(t.ctx, root, '上城分局');
  const stationA = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
  const stationB = await makeOrg(t.ctx, branch, '湖滨派出所', { type: 'station' });
  const other = await makeOrg(t.ctx, root, '拱墅分局');
  const business = permissionCatalogue.filter((p) => p.adminKind === null).map((p) => p.code);
  const branchRole = await makeRole(t.ctx, 'branch-staff', business, 'org_and_below');
  const cityRole = await makeRole(t.ctx, 'city-staff', business, 'all');
  await makeUser(t.ctx, 'sc-staff', branch, 'Branch#Pass123', [branchRole]);
  await makeUser(t.ctx, 'gs-staff', other, 'Branch#Pass123', [branchRole]);
  await makeUser(t.ctx, 'city-staff', root, 'City#Pass1234', [cityRole]);
  const staff: Client = await login(t.app, 'sc-staff', 'Branch#Pass123');
  const otherStaff: Client = await login(t.app, 'gs-staff', 'Branch#Pass123');
  const city: Client = await login(t.app, 'city-staff', 'City#Pass1234');
  let seq = 100;
  const person = async (name: string, orgId: string) => {
    const input = { kind: 'officer' as const, name, idNumber: makeIdNumber('330102', '1988-04-0' + ((seq % 9) + 1), seq++), orgId };
    return (await t.ctx.db.transaction().execute((trx) => createPersonRecord(trx, t.ctx, input, '2015-07-01'))).id;
  };
  return { root, branch, stationA, stationB, other, staff, otherStaff, city, person };
}
