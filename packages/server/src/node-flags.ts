/**
 * V8 flags the server runs with (`npm start`, the e2e server, the benchmarks' servers).
 *
 * A list request allocates about 300 KB; with ten requests in flight V8's default 16 MB young
 * generation promotes much of it, the old generation climbs by ~200 MB every ten seconds and
 * mark-compacts. A 64 MB semi-space lets it die young: the scoped list measured 1,135–1,271 µs
 * of CPU a request against 1,447–2,265 µs with the default (bench/README.md).
 */
export const serverNodeFlags: readonly string[] = ['--max-semi-space-size=64'];
