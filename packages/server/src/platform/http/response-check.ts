import type { FastifyInstance, FastifyRequest } from 'fastify';

/** First path where two JSON values differ, or null when they are equal (key order ignored). */
export function firstDifference(sent: unknown, meant: unknown, path = '$'): string | null {
  if (Object.is(sent, meant)) return null;
  if (Array.isArray(sent) && Array.isArray(meant)) {
    if (sent.length !== meant.length) return `${path} (length ${sent.length} ≠ ${meant.length})`;
    for (let i = 0; i < sent.length; i++) {
      const d = firstDifference(sent[i], meant[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (sent && meant && typeof sent === 'object' && typeof meant === 'object' && !Array.isArray(sent) && !Array.isArray(meant)) {
    const a = sent as Record<string, unknown>;
    const b = meant as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a)) return `${path}.${key} (dropped by the response schema)`;
      const d = firstDifference(a[key], b[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return `${path} (${JSON.stringify(sent)} ≠ ${JSON.stringify(meant)})`;
}

/**
 * For tests and the e2e server only: Fastify serialises through the response schema and silently
 * drops undeclared properties (or turns a null into ""), so a schema that is less than the
 * presenter would lose data without any error. This check re-reads every JSON answer and
 * turns such a loss into a 500 naming the route and the first path that changed; an answer
 * with a success status the schema does not declare (so OpenAPI would lie) fails the same way.
 */
export function registerResponseCheck(app: FastifyInstance): void {
  const meant = new WeakMap<FastifyRequest, string>();
  app.addHook('preSerialization', async (request, _reply, payload) => {
    meant.set(request, JSON.stringify(payload));
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const declared = Object.keys((request.routeOptions.schema?.response as Record<string, unknown> | undefined) ?? {});
    const status = String(reply.statusCode);
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    if (isApi && reply.statusCode < 400 && !declared.some((d) => d === status || d === `${status[0]}xx`)) {
      const message = `${request.method} ${request.routeOptions.url ?? request.url} answered ${status}, a status its response schema does not declare`;
      console.error(message);
      throw new Error(message);
    }
    const original = meant.get(request);
    if (original === undefined || typeof payload !== 'string' || reply.statusCode >= 400) return payload;
    const diff = firstDifference(JSON.parse(payload), JSON.parse(original));
    if (diff === null) return payload;
    const message = `Response schema of ${request.method} ${request.routeOptions.url ?? request.url} changed the answer at ${diff}`;
    console.error(message);
    throw new Error(message);
  });
}
