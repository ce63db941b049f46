import fs from 'node:fs';

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileInput {
  readonly label: string;
  readonly file: string;
  readonly requests: number;
  readonly queriesPerRequest: number | null;
}

/** Native functions whose name alone says little. */
const nativeNames: Record<string, string> = {
  Statement: 'SQLite prepare (native, better-sqlite3)',
  all: 'SQLite step + row conversion (native, better-sqlite3)',
  get: 'SQLite step + row conversion (native, better-sqlite3)',
  writev: 'socket/file write (native)',
  writeUtf8String: 'socket/file write (native)',
  writeString: 'socket/file write (native)',
  Hash: 'hashing (native crypto)',
  digest: 'hashing (native crypto)',
  update: 'hashing (native crypto)',
};

const projectFile = /\/(packages\/[^/]+\/src\/.*|bench\/[^/]+)$/;

/** Where a frame's code lives: a project area, an npm package, Node's core, or V8 itself. */
function bucketOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : (nativeNames[functionName] ?? `native ${functionName || '(anonymous)'}`);
  const project = projectFile.exec(url)?.[1];
  if (project) {
    const m = /^packages\/([^/]+)\/src\/(?:platform\/)?([^/]+)/.exec(project);
    return m ? `${m[1]}/${(m[2] as string).replace(/\.ts$/, '')}` : 'bench';
  }
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node core (http, net, streams)';
  return url;
}

interface Summary {
  busyUs: number;
  byBucket: Map<string, number>;
  byFunction: Map<string, number>;
}

function summarise(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const s: Summary = { busyUs: 0, byBucket: new Map(), byFunction: new Map() };
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const dt = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the delta to the next one
    const frame = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    if (frame.functionName === '(idle)') continue;
    s.busyUs += dt;
    add(s.byBucket, bucketOf(frame.url, frame.functionName), dt);
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|packages)\//, '')}:${frame.lineNumber + 1}` : '';
    add(s.byFunction, `${frame.functionName || '(anonymous)'} ${where}`.trim(), dt);
  }
  return s;
}

// Self time only: async code loses its callers at every await, so inclusive time per platform
// function cannot be read off a sampled profile; bench/README.md shows how to time the layers.
const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

/** A markdown report: CPU µs per request by where the code lives, side by side, and the hottest platform paths. */
export function summariseProfiles(title: string, inputs: readonly ProfileInput[]): string {
  const sums = inputs.map((i) => ({ input: i, s: summarise(JSON.parse(fs.readFileSync(i.file, 'utf8')) as CpuProfile) }));
  const perReq = (us: number, requests: number) => (us / requests).toFixed(1);
  const out: string[] = [`\n#### Where the server's CPU goes: ${title} (sampled, µs per request)`, ''];
  out.push(`| code | ${sums.map((x) => x.input.label).join(' | ')} |`, `|---|${sums.map(() => '---:').join('|')}|`);
  out.push(`| **all (busy)** | ${sums.map((x) => `**${perReq(x.s.busyUs, x.input.requests)}**`).join(' | ')} |`);
  const buckets = new Set(sums.flatMap((x) => top(x.s.byBucket, 25).map(([k]) => k)));
  const rows = [...buckets].map((b) => ({ b, v: sums.map((x) => (x.s.byBucket.get(b) ?? 0) / x.input.requests) }));
  rows.sort((a, b) => (b.v[0] ?? 0) - (a.v[0] ?? 0));
  for (const r of rows) if ((r.v[0] ?? 0) >= 1 || (r.v[1] ?? 0) >= 1) out.push(`| ${r.b} | ${r.v.map((v) => v.toFixed(1)).join(' | ')} |`);
  for (const x of sums) {
    if (x.input.queriesPerRequest !== null) out.push('', `${x.input.label}: ${x.input.queriesPerRequest} SQL statements per request.`);
  }
  const main = sums[0];
  if (main) {
    out.push('', `${main.input.label}, hottest functions (self time):`, '', '| function | µs/req |', '|---|---:|');
    for (const [k, v] of top(main.s.byFunction, 25)) out.push(`| ${k} | ${perReq(v, main.input.requests)} |`);
  }
  return out.join('\n');
}
