// Load runs from the parent's side: one autocannon child per run, its response times reduced to
// percentiles and throughput, figures named with their units.
import type { ChildProcess } from 'node:child_process';
import { forkTs, nextMessage } from './children';
import type { LoadOutcome, LoadSpec } from './load-child';

export interface LoadStats {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  rps: number;
  requests: number;
  failed: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

let generator: Promise<ChildProcess> | null = null;

function loadGenerator(): Promise<ChildProcess> {
  generator ??= (async () => {
    const child = forkTs('./load-child.ts');
    child.once('exit', () => (generator = null));
    await nextMessage(child, 'ready', 120_000);
    return child;
  })();
  return generator;
}

export async function runLoad(spec: LoadSpec): Promise<LoadStats> {
  const child = await loadGenerator();
  const reply = nextMessage<LoadOutcome>(child, 'result', (spec.durationS + 60) * 1000);
  child.send({ type: 'run', spec });
  const outcome = await reply;
  const sorted = [...outcome.latenciesMs].sort((a, b) => a - b);
  return {
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    rps: round(outcome.requests / (outcome.durationS || spec.durationS), 1),
    requests: outcome.requests,
    failed: outcome.non2xx + outcome.errors + outcome.timeouts,
  };
}
