// Two-way sync: what the agent changes in To Do or Outlook comes back on the activity at the next
// delta poll; last change wins, and the history keeps both sides.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../server/graph/client';
import { pollAgentDeltas } from '../../../server/graph/delta';
import { call, openGraphWorld, type GraphWorld } from './world';

let world: GraphWorld;
beforeEach(async () => {
  world = await openGraphWorld('pglite');
});
afterEach(async () => {
  await world?.close();
});

async function poll(agentId: string) {
  const client = createGraphClient({ baseUrl: world.settings.baseUrl, timeoutMs: 2_000, getToken: async () => world.graph.token });
  return pollAgentDeltas(world.db, client, world.settings.baseUrl, agentId);
}

async function synced() {
  const activity = await world.post(call(1));
  await world.drain([world.worker()]);
  const row = await world.db.selectFrom('activities').select('owner_agent_id').where('id', '=', activity.id).executeTakeFirstOrThrow();
  await poll(row.owner_agent_id); // the first poll reads everything and stores the delta links
  return { activity: await world.activity(activity.id), agentId: row.owner_agent_id };
}

describe('delta sync', () => {
  it('marks the activity completed after the task is completed in To Do', async () => {
    const { activity, agentId } = await synced();
    expect(activity.status).toBe('open');
    world.graph.store.completeTask(activity.sync.taskId!);
    expect(await poll(agentId)).toMatchObject({ changed: 1 });
    const after = await world.activity(activity.id);
    expect(after.status).toBe('completed');
    expect(after.history.at(-1)).toMatchObject({ source: 'outlook', changes: { status: { from: 'open', to: 'completed' } } });
    // A change made in To Do is a change too: an edit of the version read before it gets 412.
    expect(after.version).toBe(activity.version! + 1);
  });

  it('moves the activity when the event is moved in Outlook, and ignores echoes of its own writes', async () => {
    const { activity, agentId } = await synced();
    expect(await poll(agentId)).toMatchObject({ changed: 0 });
    world.graph.store.updateEvent(activity.sync.eventId!, {
      start: { dateTime: '2026-11-03T14:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-11-03T14:30:00.0000000', timeZone: 'UTC' },
    });
    await poll(agentId);
    const after = await world.activity(activity.id);
    expect(after).toMatchObject({ startAt: '2026-11-03T14:00:00.000Z', endAt: '2026-11-03T14:30:00.000Z' });
  });

  it('unlinks the event deleted in Outlook', async () => {
    const { activity, agentId } = await synced();
    world.graph.store.deleteEvent(activity.sync.eventId!);
    await poll(agentId);
    const after = await world.activity(activity.id);
    expect(after.sync.eventId).toBeUndefined();
    expect(after.status).toBe('open');
    expect(after.history.at(-1)).toMatchObject({ source: 'outlook', changes: { graph_event_id: { to: null } } });
  });

  it('keeps a later edit in the app over an older change in To Do, and shows both in the history', async () => {
    const { activity, agentId } = await synced();
    world.graph.store.completeTask(activity.sync.taskId!);
    const task = world.graph.store.tasks.get(activity.sync.taskId!)!;
    task.item.lastModifiedDateTime = new Date(Date.now() - 60_000).toISOString();
    await world.app.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { notes: 'Later edit' } });
    await poll(agentId);
    const after = await world.activity(activity.id);
    expect(after.status).toBe('open');
    expect(after.history.map((h) => h.source)).toEqual(['app', 'outlook']);
    expect(after.history[1]).toMatchObject({ superseded: true, changes: { status: { to: 'completed' } } });
    await world.drain([world.worker()]);
    expect(world.graph.store.tasks.get(activity.sync.taskId!)!.item.status).toBe('notStarted');
    expect(world.graph.violations).toEqual([]);
  });
});
