import type { AppContext } from '../platform/context.ts';
import type { Client, TestApp } from './test-app.ts';

/**
 * What the route-authorization test gives each module: two branches, A (where the test users
 * sit) and B (which they must never reach), with a person and a user in B.
 */
export interface BranchEnv {
  readonly t: TestApp;
  readonly ctx: AppContext;
  readonly root: string;
  /** Branch A (分局) and its station; the test users belong to the station. */
  readonly orgA: string;
  readonly orgA1: string;
  /** Branch B and its station; names carry MARK so leaks show in response bodies. */
  readonly orgB: string;
  readonly orgB1: string;
  readonly personB: string;
  readonly userB: string;
  readonly roleA: string;
  /** A user in branch B holding every business permission with scope org_and_below. */
  readonly branchB: Client;
  readonly MARK: string;
}

/**
 * A module's rows in branch B.
 * - `params`: path-parameter values. Keys are either a route prefix ('/api/v1/exams/papers'),
 *   used for every parameter of every route under it (the longest matching prefix wins), or
 *   'ROUTE#param' for one parameter of one route ('/api/v1/exams/:id/answers/:itemId#itemId').
 * - `bodies`: valid request bodies naming branch-B rows, keyed 'METHOD /api/v1/…route'.
 * - `queries`: query strings of GET routes naming branch-B rows (their org, their title), keyed
 *   'GET /api/v1/…route', so a list or its export is asked for exactly what it must not show.
 */
export interface ModuleFixtures {
  readonly params: Record<string, string>;
  readonly bodies?: Record<string, object>;
  readonly queries?: Record<string, Record<string, string>>;
}

export type ModuleFixtureSeeder = (env: BranchEnv) => Promise<ModuleFixtures>;
