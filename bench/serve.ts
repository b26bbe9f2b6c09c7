// The load-test matrix against one database: the product's endpoints and the bare limit, for a
// typical and the largest customer, at each concurrency; the past-date summary; the lookup; and
// the fixed-rate test of DESIGN §7. Figures go into `out` named <db>_<what>_<unit>.
import { forkTs, nextMessage } from './children';
import { runLoad, type LoadStats } from './load';
import type { Picked } from './probe';
import type { Target } from './targets';

export type Figures = Record<string, number | string>;

export interface Servers {
  product: string;
  bare: string;
  /** Stops the server process and returns its peak RSS in MB. */
  stop(): Promise<number>;
}

export async function startServers(target: Target): Promise<Servers> {
  const child = forkTs('./server-child.ts', [JSON.stringify(target.server)]);
  const ready = await nextMessage<{ productPort: number; barePort: number }>(child, 'ready', 10 * 60_000);
  return {
    product: `http://127.0.0.1:${ready.productPort}`,
    bare: `http://127.0.0.1:${ready.barePort}`,
    async stop() {
      const result = nextMessage<{ peakRssMb: number }>(child, 'result', 30_000);
      child.send({ type: 'stop' });
      return (await result).peakRssMb;
    },
  };
}

export interface MatrixOptions {
  durationS: number;
  concurrencies: number[];
  endpoints: Array<'summary' | 'transactions' | 'timeline'>;
  asOf: string;
  pastAsOf: string;
  fixedRate: { rate: number; durationS: number; connections: number } | null;
  log: (line: string) => void;
}

function record(out: Figures, name: string, stats: LoadStats, bare?: LoadStats): void {
  out[`${name}_p50_ms`] = stats.p50_ms;
  out[`${name}_p95_ms`] = stats.p95_ms;
  out[`${name}_p99_ms`] = stats.p99_ms;
  out[`${name}_req_per_s`] = stats.rps;
  if (stats.failed > 0) out[`${name}_failed_requests`] = stats.failed;
  if (bare) {
    out[`${name}_p99_vs_bare_ratio`] = Number((stats.p99_ms / bare.p99_ms).toFixed(2));
    out[`${name}_req_per_s_vs_bare_ratio`] = Number((stats.rps / bare.rps).toFixed(2));
  }
}

const PATHS = {
  summary: (id: string, asOf: string) => `/api/customers/${id}/summary?asOf=${asOf}`,
  transactions: (id: string, asOf: string) => `/api/customers/${id}/transactions?status=open&asOf=${asOf}`,
  timeline: (id: string, asOf: string) => `/api/customers/${id}/timeline?to=${asOf}`,
};

/** Fails early (instead of measuring error pages) when an endpoint does not answer 200. */
async function check(url: string): Promise<void> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

export async function runMatrix(db: string, servers: Servers, picked: Picked, opts: MatrixOptions, out: Figures): Promise<void> {
  const load = (url: string, connections: number) => runLoad({ url, connections, durationS: opts.durationS });
  for (const who of ['typical', 'largest'] as const) {
    const id = picked[who].id;
    const barePaths = [`/ledger/${id}?asOf=${opts.asOf}`, `/open/${id}?asOf=${opts.asOf}`];
    for (const path of opts.endpoints.map((e) => PATHS[e](id, opts.asOf))) await check(servers.product + path);
    for (const path of barePaths) await check(servers.bare + path);
    for (const c of opts.concurrencies) {
      const bare = await load(`${servers.bare}/ledger/${id}?asOf=${opts.asOf}`, c);
      record(out, `${db}_bare_ledger_${who}_c${c}`, bare);
      // Open transactions read only the open entries, so their limit is the raw SQL for those.
      const bareOpen = opts.endpoints.includes('transactions') ? await load(`${servers.bare}/open/${id}?asOf=${opts.asOf}`, c) : bare;
      if (bareOpen !== bare) record(out, `${db}_bare_open_${who}_c${c}`, bareOpen);
      for (const endpoint of opts.endpoints) {
        const limit = endpoint === 'transactions' ? bareOpen : bare;
        const stats = await load(servers.product + PATHS[endpoint](id, opts.asOf), c);
        record(out, `${db}_${endpoint}_${who}_c${c}`, stats, limit);
        opts.log(`${db} ${endpoint} ${who} c${c}: p99 ${stats.p99_ms} ms (bare ${limit.p99_ms}), ${stats.rps} req/s (bare ${limit.rps})`);
      }
    }
    const today = await load(servers.product + PATHS.summary(id, opts.asOf), 1);
    const past = await load(servers.product + PATHS.summary(id, opts.pastAsOf), 1);
    record(out, `${db}_summary_today_${who}_c1`, today);
    record(out, `${db}_summary_past_${who}_c1`, past);
    out[`${db}_summary_past_vs_today_${who}_p50_ratio`] = Number((past.p50_ms / today.p50_ms).toFixed(2));
    opts.log(`${db} summary ${who} as of ${opts.pastAsOf}: p50 ${past.p50_ms} ms vs today ${today.p50_ms} ms`);
  }
  const email = encodeURIComponent(picked.email);
  for (const c of [1, 8]) {
    const bare = await load(`${servers.bare}/lookup?email=${email}`, c);
    const stats = await load(`${servers.product}/api/customers/lookup?email=${email}`, c);
    record(out, `${db}_bare_lookup_c${c}`, bare);
    record(out, `${db}_lookup_c${c}`, stats, bare);
    opts.log(`${db} lookup c${c}: p50 ${stats.p50_ms} ms p99 ${stats.p99_ms} ms (bare ${bare.p50_ms} / ${bare.p99_ms})`);
  }
  if (opts.fixedRate) {
    const { rate, durationS, connections } = opts.fixedRate;
    // Requests arriving evenly (the target's rate: users are not synchronised to the second), and as
    // autocannon's overallRate sends them, each connection's share in a burst at the top of every
    // second (so p99 is then how long the server takes to drain a second's requests at once).
    // Even pacing for the typical customer only: the largest is beyond either server at this rate,
    // and an open loop's queue would then grow for as long as the run.
    const runs = [['even', '', ['typical']], ['bursts', '_bursts', ['typical', 'largest']]] as const;
    for (const [pacing, suffix, customers] of runs) {
      const paced = (url: string) => runLoad({ url, connections, durationS, rate, pacing });
      for (const who of customers) {
        const id = picked[who].id;
        const bare = await paced(`${servers.bare}/ledger/${id}?asOf=${opts.asOf}`);
        const stats = await paced(servers.product + PATHS.summary(id, opts.asOf));
        record(out, `${db}_bare_ledger_${who}_rate${rate}${suffix}`, bare);
        record(out, `${db}_summary_${who}_rate${rate}${suffix}`, stats, bare);
        opts.log(`${db} summary ${who} at ${rate} req/s (${pacing}): p99 ${stats.p99_ms} ms vs bare ${bare.p99_ms} ms (${stats.rps} / ${bare.rps} req/s achieved)`);
      }
    }
  }
}
