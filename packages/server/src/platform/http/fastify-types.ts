import type { Principal } from '../access/principal.ts';
import type { ResolvedScope } from '../access/data-scope.ts';
import type { AppContext } from '../context.ts';
import type { JobRunner } from '../jobs/job-runner.ts';

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly permission: string | undefined;
  readonly public: boolean;
  readonly sessionOnly: boolean;
  /** Reachable before the second factor is done (ADR 018). */
  readonly mfaStep: boolean;
  readonly sensitive: boolean;
  readonly auditView: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** This instance's job runner: modules define their scheduled jobs on it while the app is built. */
    jobs: JobRunner;
    /** Every API route with its access class, for the route-inventory tests. */
    routeInventory: RouteInfo[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    scopeCache: Map<string, ResolvedScope> | null;
  }
  interface FastifyContextConfig {
    /** The one permission this route needs (`module:action`). */
    permission?: string;
    /** Reachable without a session. */
    public?: boolean;
    /** Needs a session but no permission; allowed while a password change is pending. */
    sessionOnly?: boolean;
    /** Reachable by a session whose second factor is still due (the MFA step itself, me, logout). */
    mfaStep?: boolean;
    /** The response carries personal data: sent with `Cache-Control: no-store`. */
    sensitive?: boolean;
    /** A view or download of a sensitive file: audited by the platform before it is sent (implies `sensitive`). */
    auditView?: { readonly eventType: string; readonly objectType: string };
  }
}
