import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';

/**
 * The province view has no path parameters: a branch-A account's scope does not cover the city
 * root, so it sees no city row and no branch of branch B (the walk checks B's mark never shows).
 */
export const provinceAuthorizationFixtures: ModuleFixtureSeeder = async () => ({ params: {} });
