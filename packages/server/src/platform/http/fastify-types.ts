import type { Principal } from '../access/principal.ts';
import type { ResolvedScope } from '../access/data-scope.ts';
import type { AppContext } from '../context.ts';

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly permission: string | undefined;
  readonly public: boolean;
  readonly sessionOnly: boolean;
  /** A write that takes no JSON body (an action on the row named in the path, or an upload). */
  readonly noBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
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
    /** A write whose request carries no body: the path names everything it acts on. */
    noBody?: boolean;
  }
}
