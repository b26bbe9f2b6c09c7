// The load generator, in its own process so that it does not share an event loop with the server
// it measures: runs autocannon and sends back every response time (for exact percentiles).
import http from 'node:http';
import autocannon from 'autocannon';
import { childMain } from './children';

export interface LoadSpec {
  url: string;
  connections: number;
  durationS: number;
  /** Fixed total request rate; absent: as fast as the server answers (closed loop, autocannon). */
  rate?: number;
  /**
   * How a fixed rate arrives: 'even', one request every 1/rate s (open loop, each latency counted
   * from the moment the request was due, so a queue in front of the server counts); 'bursts',
   * autocannon's overallRate, where each connection sends its share of the second back to back
   * when the second starts and then waits for the next.
   */
  pacing?: 'even' | 'bursts';
}

export interface LoadOutcome {
  latenciesMs: number[];
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

/**
 * Open-loop load at an even rate over `connections` keep-alive sockets: request i is due at
 * start + i/rate; it waits for a free socket if all are busy, and its latency runs from when it was
 * due to its last byte (corrected for coordinated omission, as wrk2 does).
 */
async function runEven(spec: LoadSpec & { rate: number }): Promise<LoadOutcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const target = new URL(spec.url);
  const total = Math.round(spec.rate * spec.durationS);
  const intervalMs = 1000 / spec.rate;
  const latenciesMs: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let pending = 0;
  let sent = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const finish = () => {
      if (sent === total && pending === 0) resolve();
    };
    const send = (dueAt: number) => {
      pending += 1;
      let settled = false;
      let timedOut = false;
      // Each request ends once: answered, timed out, or failed (also when cut off mid-answer).
      const settle = (failed: boolean) => {
        if (settled) return;
        settled = true;
        if (timedOut) timeouts += 1;
        else if (failed) errors += 1;
        else latenciesMs.push(performance.now() - dueAt);
        pending -= 1;
        finish();
      };
      const request = http.get(target, { agent, timeout: 30_000 }, (response) => {
        if (response.statusCode === undefined || response.statusCode < 200 || response.statusCode >= 300) non2xx += 1;
        response.on('data', () => undefined);
        response.on('end', () => settle(false));
        response.on('error', () => settle(true));
      });
      // Destroying it ends it through 'error', counted there as a timeout, not again as an error.
      request.on('timeout', () => {
        timedOut = true;
        request.destroy();
      });
      request.on('error', () => settle(true));
    };
    // A timer a millisecond apart sends every request that has fallen due since the last tick.
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * intervalMs <= now) {
        send(started + sent * intervalMs);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else finish();
    };
    tick();
    // A server that cannot keep up never drains the queue: what is unanswered 30 s after the
    // last request was due counts as timed out.
    setTimeout(() => {
      timeouts += pending;
      resolve();
    }, spec.durationS * 1000 + 30_000).unref();
  });
  agent.destroy();
  return { latenciesMs, requests: latenciesMs.length, non2xx, errors, timeouts, durationS: (performance.now() - started) / 1000 };
}

async function run(spec: LoadSpec): Promise<LoadOutcome> {
  if (spec.rate && spec.pacing === 'even') return runEven({ ...spec, rate: spec.rate });
  const latenciesMs: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 30,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latenciesMs.push(responseTime);
    if (status < 200 || status >= 300) non2xx++;
  });
  const result = await instance;
  return { latenciesMs, requests: latenciesMs.length, non2xx, errors: result.errors, timeouts: result.timeouts, durationS: result.duration };
}

// One long-lived process serves every run of a benchmark (a tsx start-up per run would cost more
// than a quick run's measurements): 'run' messages in, 'result' messages out, one at a time.
childMain(async () => {
  process.on('message', (message: { type?: string; spec?: LoadSpec }) => {
    if (message?.type !== 'run') return;
    run(message.spec!).then(
      (outcome) => process.send!({ type: 'result', ...outcome }),
      (error: unknown) => process.send!({ type: 'error', error: String(error) }),
    );
  });
  process.send!({ type: 'ready' });
});
