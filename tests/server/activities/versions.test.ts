// Two agents editing one activity: each edit names the version it read (If-Match), so the second
// gets 412 with the activity as the first left it instead of overwriting that change unseen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../../server/http/schemas/activities';
import { testDatabases } from '../../support/db';
import { openTestApp, seedCustomers, type TestApp } from '../http/world';

describe.each(testDatabases)('activity versions on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let customerId: string;

  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    ({ V1: customerId } = (await seedCustomers(t.handle.db, [{ account: 'V1', name: 'Versioned Ltd' }])) as { V1: string });
  });
  afterAll(async () => t?.close());

  const create = async () =>
    (await t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload: { type: 'note', purpose: 'Read twice' } })).json() as Activity;
  const patch = (id: string, payload: object, ifMatch?: string) =>
    t.app.inject({ method: 'PATCH', url: `/api/activities/${id}`, payload, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

  it.skipIf(skipReason)('starts at version 1 and raises it with each change, answered as the ETag', async () => {
    const a = await create();
    expect(a.version).toBe(1);
    const edited = await patch(a.id, { notes: 'First' }, '"1"');
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    expect(edited.headers.etag).toBe('"2"');
    const unchanged = await patch(a.id, { notes: 'First' }, '"2"');
    expect(unchanged.json().version).toBe(2);
  });

  it.skipIf(skipReason)('answers a stale If-Match with 412 and the current activity, and changes nothing', async () => {
    const a = await create();
    expect((await patch(a.id, { notes: 'Agent A was here' }, `"${a.version}"`)).statusCode).toBe(200);
    const stale = await patch(a.id, { notes: 'Agent B overwrites' }, `"${a.version}"`);
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'activity_changed',
      message: expect.stringContaining('someone else'),
      details: { current: { id: a.id, notes: 'Agent A was here', version: 2 } },
    });
    const row = await t.handle.db.selectFrom('activities').select(['notes', 'version']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ notes: 'Agent A was here', version: 2 });
  });

  it.skipIf(skipReason)('accepts a weak tag, * and no If-Match at all; refuses a malformed one with 400 naming it', async () => {
    const a = await create();
    expect((await patch(a.id, { notes: 'w' }, 'W/"1"')).statusCode).toBe(200);
    expect((await patch(a.id, { notes: 'star' }, '*')).statusCode).toBe(200);
    expect((await patch(a.id, { notes: 'none' })).statusCode).toBe(200);
    const bad = await patch(a.id, { notes: 'bad' }, 'yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("'If-Match'");
  });
});
