// The broken-promise job on PGlite and PostgreSQL: a promise whose date (plus the grace) passed
// without the promised amount settled breaks once, run twice or by two workers at once, with one
// audit record and one To Do task; a kept promise stays; the past still reads the promise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markBrokenPromises } from '../../../server/db/repositories/broken-promises';
import { addDays, todayIn } from '../../../server/domain/dates';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from './world';

const today = todayIn('UTC', new Date());
const promised = addDays(today, -3);

describe.each(testDatabases)('broken promises on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let broken: string;
  let kept: string;
  const count = async (table: 'audit_events' | 'activities' | 'outbox', where?: [string, string]) => {
    let q = w.t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
    if (where) q = q.where(where[0] as never, '=', where[1] as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    const db = w.t.handle.db;
    const { id: agent } = await db.insertInto('agents').values({ entra_oid: null, email: 'dana@example.com', name: 'Dana', default_pool: null, write_off_limit: null }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('customers').set({ default_agent_id: agent }).where('id', '=', w.customerId).execute();
    broken = await w.entry('INV-1042', 90_000n);
    kept = await w.entry('INV-1043', 10_000n);
    const pay = await w.entry('PAY-1', -30_000n, { posted: addDays(today, -10) });
    await w.settle(broken, pay, 20_000n, addDays(today, -7));
    await w.settle(kept, pay, 10_000n, addDays(today, -4));
    for (const id of [broken, kept]) {
      await db.updateTable('ledger_entries').set({ collection_status: 'promise_to_pay', status_date: addDays(today, -6), promise_date: promised, promise_amount: 10_000n }).where('id', '=', id).execute();
    }
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('waits for the grace days', async () => {
    expect(await markBrokenPromises(w.t.handle.db, { today, graceDays: 5, graphEnabled: true })).toBe(0);
  });

  it.skipIf(skipReason)('breaks each promise once, run twice and by two workers at once: one audit record, one To Do task', async () => {
    const run = () => markBrokenPromises(w.t.handle.db, { today, graceDays: 0, graphEnabled: true });
    const counts = await Promise.all([run(), run()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await run()).toBe(0);
    const entry = await w.t.handle.db.selectFrom('ledger_entries').selectAll().where('id', '=', broken).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ collection_status: 'promise_broken', status_set_by: 'status-job', promise_date: promised });
    expect(await count('audit_events', ['action', 'transaction.promise_broken'])).toBe(1);
    const tasks = await w.t.handle.db.selectFrom('activities').select(['purpose', 'type']).execute();
    expect(tasks).toEqual([{ type: 'task', purpose: `Promise broken: Contoso Retail Ltd, INV-1042, 100.00 USD due ${promised}` }]);
    expect(await count('outbox', ['kind', 'task'])).toBe(1);
  });

  it.skipIf(skipReason)('reads the promise as standing up to its date and broken after it; the kept one stays', async () => {
    const at = async (asOf: string) =>
      (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=all&asOf=${asOf}`)).json().items.map((i: { id: string; collectionStatus: string }) => [i.id, i.collectionStatus]);
    expect(await at(promised)).toEqual(expect.arrayContaining([[broken, 'promise_to_pay'], [kept, 'promise_to_pay']]));
    expect(await at(today)).toEqual(expect.arrayContaining([[broken, 'promise_broken'], [kept, 'promise_to_pay']]));
  });
});
