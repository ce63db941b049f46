import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';

/** Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts). */
export const studyAuthorizationFixtures: ModuleFixtureSeeder = async () => ({ params: {} });
