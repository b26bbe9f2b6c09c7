// Several workers on one PostgreSQL database (FOR UPDATE SKIP LOCKED, one activity at a time):
// no Graph write is ever sent twice, even when leases expire under slow answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/db';
import { call, openGraphWorld, type GraphWorld } from './world';

const postgres = testDatabases.find((d) => d.name === 'postgres')!;

describe.skipIf(postgres.skipReason !== null)('two workers on one PostgreSQL database', () => {
  let world: GraphWorld;
  beforeAll(async () => {
    world = await openGraphWorld('postgres');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('send every write exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await world.post(call(i))).id);
    // Small rounds so that both workers are busy at the same time.
    const workers = [world.worker({ batchSize: 3 }), world.worker({ batchSize: 3 }), world.worker({ batchSize: 3 })];
    await world.drain(workers, { timeoutMs: 60_000 });

    const sent = (line: string) => world.graph.log.filter((l) => l === line).length;
    expect(sent('POST /me/events')).toBe(40);
    expect(sent(`POST /me/todo/lists/${[...world.graph.store.lists.keys()][0]}/tasks`)).toBe(40);
    expect(sent('POST /me/todo/lists')).toBe(1);
    expect(world.graph.store.counts()).toMatchObject({ events: 40, tasks: 40 });
    expect(world.graph.violations).toEqual([]);
    for (const id of ids) expect((await world.activity(id)).sync.state).toBe('synced');
  });
});
