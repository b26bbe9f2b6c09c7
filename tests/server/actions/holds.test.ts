// Collections holds through the API on PGlite and PostgreSQL: a transaction or the whole customer put
// on hold and lifted; bad input refused with a 4xx naming the field and nothing changed; letters
// leave out what is held; the grid, the header and the collections history show it; idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdInForce } from '../../../server/domain/actions/holds';
import { addDays, todayIn } from '../../../server/domain/dates';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from './world';

const today = todayIn('UTC', new Date());

describe('a hold in force', () => {
  it('is in force through its until date, open-ended until lifted, and never once lifted', () => {
    expect(holdInForce({ until: '2026-03-01', liftedAt: null }, '2026-03-01')).toBe(true);
    expect(holdInForce({ until: '2026-03-01', liftedAt: null }, '2026-03-02')).toBe(false);
    expect(holdInForce({ until: null, liftedAt: null }, '2999-12-31')).toBe(true);
    expect(holdInForce({ until: null, liftedAt: new Date() }, '2026-03-01')).toBe(false);
  });
});

describe.each(testDatabases)('collections holds on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let invA: string, invB: string, invClosed: string;
  const holdsUrl = () => `/api/customers/${w.customerId}/holds`;
  const snapshot = async () => ({ ...(await w.snapshot() as object), holds: await w.t.handle.db.selectFrom('collection_holds').selectAll().orderBy('id').execute() });
  const rows = async () => (await w.call('GET', `/api/customers/${w.customerId}/transactions`)).json().items as Array<{ id: string; document: string; hold: { id: string; reason: string; until: string | null } | null }>;
  const letterLines = async () => {
    const proposal = (await w.call('GET', `/api/customers/${w.customerId}/letters/proposal?asOf=${today}`)).json();
    return { due: proposal.due as boolean, reason: proposal.reason as string | null, documents: (proposal.lines as Array<{ document: string }>).map((l) => l.document) };
  };
  const history = async (transactionId?: string) =>
    (await w.call('GET', `/api/customers/${w.customerId}/history${transactionId ? `?transactionId=${transactionId}` : ''}`)).json().items as Array<{ action: string; transactionId: string | null; before: unknown; after: unknown }>;
  const setRole = (role: 'agent' | 'admin') => w.t.handle.db.updateTable('agents').set({ role }).execute();

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    invA = await w.entry('INV-A', 100_000n);
    invB = await w.entry('INV-B', 50_000n);
    invClosed = await w.entry('INV-C', 10_000n);
    const pay = await w.entry('PAY-1', -10_000n, { posted: '2026-01-20' });
    await w.settle(invClosed, pay, 10_000n, '2026-01-20');
  });
  afterAll(async () => w?.close());

  const bad: Array<[string, () => object, number, string]> = [
    ['no reason', () => ({ transactionIds: [invA] }), 400, 'reason'],
    ['a blank reason', () => ({ transactionIds: [invA], reason: '   ' }), 400, 'reason'],
    ['an until date before today', () => ({ transactionIds: [invA], reason: 'Waiting for a credit note', until: addDays(today, -1) }), 422, 'until'],
    ['an until that is no date', () => ({ transactionIds: [invA], reason: 'x', until: '2026-02-30' }), 400, 'until'],
    ['an empty list of transactions', () => ({ transactionIds: [], reason: 'x' }), 400, 'transactionIds'],
    ['a transaction named twice', () => ({ transactionIds: [invA, invA], reason: 'x' }), 400, 'transactionIds'],
    ['a transaction of no one', () => ({ transactionIds: ['00000000-0000-4000-8000-000000000001'], reason: 'x' }), 422, 'transactionIds.0'],
    ['a closed transaction', () => ({ transactionIds: [invClosed], reason: 'x' }), 422, 'transactionIds.0'],
  ];
  it.skipIf(skipReason).each(bad)('refuses a hold with %s and changes nothing', async (_n, make, status, field) => {
    const before = await snapshot();
    const response = await w.call('POST', holdsUrl(), make());
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('holds one invoice: the grid shows it, letters leave it out, a second hold is a 409', async () => {
    expect((await letterLines()).documents).toEqual(['INV-A', 'INV-B']);
    const response = await w.call('POST', holdsUrl(), { transactionIds: [invA], reason: 'Waiting for a credit note' });
    expect(response.statusCode).toBe(201);
    const [hold] = response.json().items;
    expect(hold).toMatchObject({ transactionId: invA, reason: 'Waiting for a credit note', until: null, inForce: true, liftedAt: null });
    const grid = await rows();
    expect(grid.find((r) => r.id === invA)!.hold).toEqual({ id: hold.id, reason: 'Waiting for a credit note', until: null });
    expect(grid.find((r) => r.id === invB)!.hold).toBeNull();
    expect(await letterLines()).toMatchObject({ due: true, documents: ['INV-B'] });

    const before = await snapshot();
    const again = await w.call('POST', holdsUrl(), { transactionIds: [invB, invA], reason: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_on_hold', details: { hold: { id: hold.id } } });
    expect(await snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('holds the whole customer until a date: the header shows it and no letter is due', async () => {
    const until = addDays(today, 14);
    const response = await w.call('POST', holdsUrl(), { reason: 'Insolvency check', until });
    expect(response.statusCode).toBe(201);
    expect(response.json().items).toMatchObject([{ transactionId: null, until, inForce: true }]);
    const summary = (await w.call('GET', `/api/customers/${w.customerId}/summary`)).json();
    expect(summary.customer.hold).toMatchObject({ reason: 'Insolvency check', until });
    expect((await w.call('GET', `/api/customers/${w.customerId}/summary?asOf=${addDays(until, 1)}`)).json().customer.hold).toBeNull();
    expect(await letterLines()).toMatchObject({ due: false, reason: 'excluded' });
    expect((await w.call('POST', holdsUrl(), { reason: 'Twice' })).statusCode).toBe(409);
  });

  it.skipIf(skipReason)('lifts a hold once: letters list the item again and the history shows the hold and the lift', async () => {
    const holds = (await w.call('GET', holdsUrl())).json().items as Array<{ id: string; transactionId: string | null }>;
    const customerHold = holds.find((h) => h.transactionId === null)!;
    const invoiceHold = holds.find((h) => h.transactionId === invA)!;
    for (const h of [customerHold, invoiceHold]) {
      const lifted = await w.call('POST', `/api/holds/${h.id}/lift`);
      expect(lifted.statusCode).toBe(200);
      expect(lifted.json()).toMatchObject({ id: h.id, inForce: false, liftedAt: expect.any(String) });
    }
    expect((await letterLines()).documents).toEqual(['INV-A', 'INV-B']);
    expect((await rows()).every((r) => r.hold === null)).toBe(true);

    const before = await snapshot();
    const again = await w.call('POST', `/api/holds/${invoiceHold.id}/lift`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('hold_lifted');
    expect(await snapshot()).toEqual(before);

    const ofInvoice = await history(invA);
    expect(ofInvoice.map((h) => h.action)).toEqual(['hold.lifted', 'hold.put']);
    expect(ofInvoice[0]).toMatchObject({ transactionId: invA, before: { reason: 'Waiting for a credit note' }, after: { liftedAt: expect.any(String) } });
    const all = await history();
    expect(all.filter((h) => h.transactionId === null).map((h) => [h.action, (h.after as { reason: string }).reason])).toEqual([
      ['hold.lifted', 'Insolvency check'], ['hold.put', 'Insolvency check'],
    ]);
    expect((await w.call('GET', holdsUrl())).json().items.every((h: { inForce: boolean }) => !h.inForce)).toBe(true);
  });

  it.skipIf(skipReason)('puts a hold once under an Idempotency-Key; the key reused for another request is a 422', async () => {
    const headers = { 'idempotency-key': `hold-${name}` };
    const first = await w.call('POST', holdsUrl(), { transactionIds: [invB], reason: 'Partial delivery' }, headers);
    const repeat = await w.call('POST', holdsUrl(), { transactionIds: [invB], reason: 'Partial delivery' }, headers);
    expect(first.statusCode).toBe(201);
    expect(repeat.statusCode).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json()).toEqual(first.json());
    expect(await w.t.handle.db.selectFrom('collection_holds').select('id').where('transaction_id', '=', invB).execute()).toHaveLength(1);
    expect((await w.call('POST', holdsUrl(), { transactionIds: [invA], reason: 'Other' }, headers)).statusCode).toBe(422);
    const lift = `/api/holds/${first.json().items[0].id}/lift`;
    const lifts = [await w.call('POST', lift, undefined, { 'idempotency-key': `lift-${name}` }), await w.call('POST', lift, undefined, { 'idempotency-key': `lift-${name}` })];
    expect(lifts.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(lifts[1]!.json()).toEqual(lifts[0]!.json());
  });

  it.skipIf(skipReason)('replaces a hold that ran out by its date without a 409', async () => {
    const agent = await w.t.handle.db.selectFrom('agents').select('id').executeTakeFirstOrThrow();
    await w.t.handle.db.insertInto('collection_holds').values({ customer_id: w.customerId, transaction_id: invB, reason: 'Old', held_until: addDays(today, -3), created_by: agent.id }).execute();
    expect((await rows()).find((r) => r.id === invB)!.hold).toBeNull();
    const response = await w.call('POST', holdsUrl(), { transactionIds: [invB], reason: 'New' });
    expect(response.statusCode).toBe(201);
    const old = (await w.call('GET', holdsUrl())).json().items.find((h: { reason: string }) => h.reason === 'Old');
    expect(old).toMatchObject({ liftedBy: 'expired', inForce: false });
    await w.call('POST', `/api/holds/${response.json().items[0].id}/lift`);
  });

  it.skipIf(skipReason)('lets an agent hold only its own customers (403 otherwise), and answers 404 for unknown ones', async () => {
    await setRole('agent');
    try {
      const before = await snapshot();
      const refused = await w.call('POST', holdsUrl(), { reason: 'Not mine' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('not_your_customer');
      expect(await snapshot()).toEqual(before);
      const agent = await w.t.handle.db.selectFrom('agents').select('id').executeTakeFirstOrThrow();
      await w.t.handle.db.updateTable('customers').set({ default_agent_id: agent.id }).where('id', '=', w.customerId).execute();
      const mine = await w.call('POST', holdsUrl(), { reason: 'Mine' });
      expect(mine.statusCode).toBe(201);
      expect((await w.call('POST', `/api/holds/${mine.json().items[0].id}/lift`)).statusCode).toBe(200);
    } finally {
      await setRole('admin');
    }
    expect((await w.call('POST', '/api/customers/00000000-0000-4000-8000-000000000009/holds', { reason: 'x' })).statusCode).toBe(404);
    expect((await w.call('POST', '/api/holds/00000000-0000-4000-8000-000000000009/lift')).statusCode).toBe(404);
    expect((await w.call('POST', '/api/holds/nope/lift')).statusCode).toBe(404);
  });
});
