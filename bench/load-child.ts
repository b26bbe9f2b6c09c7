// The load generator, in its own process so that it does not share an event loop with the server
// it measures: runs autocannon and sends back every response time (for exact percentiles).
import autocannon from 'autocannon';
import { childMain } from './children';

export interface LoadSpec {
  url: string;
  connections: number;
  durationS: number;
  /** Fixed total request rate (autocannon overallRate); absent: as fast as the server answers. */
  rate?: number;
}

export interface LoadOutcome {
  latenciesMs: number[];
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

async function run(spec: LoadSpec): Promise<LoadOutcome> {
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
