// The outbox against the Graph test server: throttling, outages, timeouts, resets and a worker that
// dies between the Graph call and its commit — every activity ends synced exactly once, and every
// body Graph received matches Graph's schemas.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openGraphWorld, type GraphWorld } from './world';

let world: GraphWorld;
beforeEach(async () => {
  world = await openGraphWorld('pglite', { timeoutMs: 400 });
});
afterEach(async () => {
  await world?.close();
});

async function logCalls(n: number) {
  const created = [];
  for (let i = 0; i < n; i++) created.push(await world.post(call(i)));
  return created;
}

async function expectSyncedOnce(ids: string[]) {
  const { store, violations } = world.graph;
  expect(violations).toEqual([]);
  expect(store.counts()).toMatchObject({ events: ids.length, tasks: ids.length, lists: 1 });
  const events = store.liveEvents();
  const tasks = store.liveTasks();
  for (const id of ids) {
    const activity = await world.activity(id);
    expect(activity.sync).toMatchObject({ state: 'synced' });
    expect(events.filter((e) => e.id === activity.sync.eventId)).toHaveLength(1);
    const linked = tasks.filter((t) => (t.linkedResources as Array<{ externalId: string }>).some((r) => r.externalId === id));
    expect(linked.map((t) => t.id)).toEqual([activity.sync.taskId]);
  }
}

describe('Graph outbox', () => {
  it('is pending when logged, then puts an event and a follow-up task in Outlook', async () => {
    const [activity] = await logCalls(1);
    expect(activity!.sync).toEqual({ state: 'pending' });
    await world.drain([world.worker()]);
    await expectSyncedOnce([activity!.id]);
    const event = world.graph.store.liveEvents()[0]!;
    expect(event).toMatchObject({ categories: ['Collections'], subject: 'Call: Contoso Retail Ltd · Overdue invoices, call 0' });
    expect((event.body as { content: string }).content).toContain('&lt;accounts@contoso.example&gt;');
    const task = world.graph.store.liveTasks()[0]!;
    expect(task).toMatchObject({ isReminderOn: true, reminderDateTime: { dateTime: '2026-12-01T09:30:00.000', timeZone: 'UTC' } });
    expect(world.graph.store.lists.size).toBe(1);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const ids = (await logCalls(3)).map((a) => a.id);
    world.graph.inject({ kind: 'throttle', retryAfterSeconds: 2 }, { match: (m, p) => p === '/$batch' });
    const worker = world.worker();
    const before = Date.now();
    await worker.runOnce();
    const waiting = await world.db.selectFrom('outbox').select(['next_attempt_at', 'last_error']).where('done_at', 'is', null).where('attempts', '>', 0).execute();
    expect(waiting.length).toBeGreaterThan(0);
    for (const row of waiting) expect(row.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + 1_900);
    await world.drain([worker]);
    await expectSyncedOnce(ids);
  });

  it('rides out a burst of 503s, per request and per $batch item', async () => {
    const ids = (await logCalls(5)).map((a) => a.id);
    world.graph.inject({ kind: 'unavailable' }, { times: 3 });
    world.graph.inject({ kind: 'throttle', retryAfterSeconds: 0, status: 503 }, { times: 4, scope: 'item' });
    await world.drain([world.worker()]);
    expect(world.graph.pendingFaults()).toBe(0);
    await expectSyncedOnce(ids);
  });

  it('retries after answers slower than the client timeout without duplicating (transactionId, task lookup)', async () => {
    const ids = (await logCalls(4)).map((a) => a.id);
    world.graph.inject({ kind: 'slow', ms: 800 }, { times: 2, match: (m, p) => p === '/$batch' });
    await world.drain([world.worker()]);
    await expectSyncedOnce(ids);
  });

  it('survives connection resets after the write was made', async () => {
    const ids = (await logCalls(3)).map((a) => a.id);
    world.graph.inject({ kind: 'reset' }, { times: 2, match: (m) => m === 'POST' });
    await world.drain([world.worker()]);
    await expectSyncedOnce(ids);
  });

  it('sends nothing twice when a worker dies between the Graph call and the commit', async () => {
    const ids = (await logCalls(4)).map((a) => a.id);
    const crashing = world.worker({
      leaseMs: 300,
      beforeCommit: () => {
        throw new Error('killed before commit');
      },
    });
    await crashing.runOnce();
    expect(world.graph.store.counts().events).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await world.drain([world.worker()]);
    await expectSyncedOnce(ids);
  });

  it('updates, completes and cancels in Outlook what the agent changes', async () => {
    const [activity] = await logCalls(1);
    await world.drain([world.worker()]);
    const patch = (payload: object) => world.app.app.inject({ method: 'PATCH', url: `/api/activities/${activity!.id}`, payload });
    expect((await patch({ notes: 'Promised a remittance advice' })).json().sync.state).toBe('pending');
    await world.drain([world.worker()]);
    expect((world.graph.store.liveEvents()[0]!.body as { content: string }).content).toContain('remittance advice');
    await patch({ status: 'completed' });
    await world.drain([world.worker()]);
    expect(world.graph.store.liveTasks()[0]).toMatchObject({ status: 'completed' });
    await patch({ status: 'cancelled' });
    await world.drain([world.worker()]);
    expect(world.graph.store.counts()).toMatchObject({ events: 0, tasks: 0 });
    expect(world.graph.violations).toEqual([]);
  });

  it('marks the activity failed when Graph refuses the write for good', async () => {
    const [activity] = await logCalls(1);
    world.graph.inject({ kind: 'throttle', retryAfterSeconds: 0, status: 503 }, { times: 100 });
    await world.drain([world.worker({ maxAttempts: 3 })]);
    const after = await world.activity(activity!.id);
    expect(after.sync.state).toBe('failed');
    expect(after.sync.error).toMatch(/503/);
  });
});
