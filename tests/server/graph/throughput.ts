// Outbox throughput against the Graph test server: activities synced per second (each one event
// and one To Do task), without and with injected faults, and the duplicate or lost writes (none).
// Run: npx tsx tests/server/graph/throughput.ts [activities=200] [pglite|postgres]
import { call, openGraphWorld } from './world';

const count = Number(process.argv[2] ?? '200');
const dbName = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';

async function run(faults: boolean): Promise<void> {
  const world = await openGraphWorld(dbName, { timeoutMs: 1_000 });
  try {
    for (let i = 0; i < count; i++) await world.post(call(i));
    if (faults) {
      world.graph.inject({ kind: 'throttle', retryAfterSeconds: 1 }, { times: 3 });
      world.graph.inject({ kind: 'unavailable' }, { times: 5 });
      world.graph.inject({ kind: 'throttle', retryAfterSeconds: 0, status: 503 }, { times: 20, scope: 'item' });
      world.graph.inject({ kind: 'slow', ms: 1_500 }, { times: 2 });
      world.graph.inject({ kind: 'reset' }, { times: 2 });
    }
    const started = performance.now();
    await world.drain([world.worker(), world.worker()], { timeoutMs: 300_000 });
    const seconds = (performance.now() - started) / 1000;
    const { events, tasks } = world.graph.store.counts();
    const posts = world.graph.log.filter((l) => l === 'POST /me/events').length;
    const synced = await world.db.selectFrom('activities').select('id').where('sync_state', '=', 'synced').execute();
    process.stdout.write(
      `${dbName} ${faults ? 'with faults   ' : 'without faults'}: ${count} activities in ${seconds.toFixed(2)} s = ` +
        `${(count / seconds).toFixed(1)} activities/s; events ${events}, tasks ${tasks} (duplicates ${events + tasks - 2 * count}, ` +
        `lost ${2 * count - Math.min(events + tasks, 2 * count)}); event POSTs ${posts}; synced ${synced.length}; ` +
        `schema violations ${world.graph.violations.length}\n`,
    );
  } finally {
    await world.close();
  }
}

await run(false);
await run(true);
