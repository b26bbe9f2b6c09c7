// Change status through the API on PGlite and PostgreSQL: promise to pay on two invoices, dispute
// with a managed reason code, resolve, clear; versions, audit and history; every bad input a 4xx
// naming the field with nothing changed; a repeated Idempotency-Key answered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../server/domain/dates';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from './world';

const today = todayIn('UTC', new Date());
const soon = addDays(today, 7);

describe.each(testDatabases)('Change status on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let inv1: string;
  let inv2: string;
  let paid: string;
  let euro: string;
  const url = () => `/api/customers/${w.customerId}/transactions/status`;
  const versions = async (...ids: string[]) => {
    const list = (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=all`)).json();
    return Object.fromEntries(ids.map((id) => [id, list.items.find((i: { id: string }) => i.id === id).version as number]));
  };
  const item = async (id: string) =>
    (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=all`)).json().items.find((i: { id: string }) => i.id === id);

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    inv1 = await w.entry('INV-1', 100_000n);
    inv2 = await w.entry('INV-2', 50_000n);
    paid = await w.entry('INV-3', 5_000n);
    euro = await w.entry('INV-4', 7_000n, { currency: 'EUR' });
    const payment = await w.entry('PAY-1', -45_000n, { posted: '2026-02-01' });
    await w.settle(inv1, payment, 40_000n, '2026-02-01');
    await w.settle(paid, payment, 5_000n, '2026-02-01');
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('lists each transaction with its version (a settlement changed it) and nobody having set a status', async () => {
    expect(await item(inv2)).toMatchObject({ version: 1, statusSetBy: null, open: 50_000 });
    expect(await item(inv1)).toMatchObject({ version: 2, statusSetBy: null, open: 60_000 });
  });

  it.skipIf(skipReason)('records a promise to pay on two invoices: statuses, who set them, versions, audit, history', async () => {
    const v = await versions(inv1, inv2);
    const response = await w.call('POST', url(), {
      transactionIds: [inv1, inv2], versions: v, status: 'promise_to_pay', note: 'Called AP',
      promise: { date: soon, items: [{ transactionId: inv1, amount: 60_000, currency: 'USD' }, { transactionId: inv2, amount: 20_000, currency: 'USD' }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toMatchObject([
      { id: inv1, collectionStatus: 'promise_to_pay', promiseDate: soon, promiseAmount: 60_000, statusDate: today, version: v[inv1]! + 1 },
      { id: inv2, collectionStatus: 'promise_to_pay', promiseAmount: 20_000 },
    ]);
    const shown = await item(inv2);
    expect(shown).toMatchObject({ collectionStatus: 'promise_to_pay', statusDate: today, version: v[inv2]! + 1 });
    expect(shown.statusSetBy).toEqual(expect.any(String));
    const history = (await w.call('GET', `/api/customers/${w.customerId}/history?transactionId=${inv1}`)).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'transaction.promise_to_pay', transactionId: inv1, actorName: expect.any(String),
      before: { collectionStatus: 'none' }, after: { collectionStatus: 'promise_to_pay', promiseAmount: '60000', note: 'Called AP' },
    });
    expect((await w.call('GET', `/api/customers/${w.customerId}/history`)).json().items).toHaveLength(2);
  });

  it.skipIf(skipReason)('refuses a stale version with 409 and the current state, changing nothing', async () => {
    const before = await w.snapshot();
    const { version } = await item(inv1);
    const response = await w.call('POST', url(), { transactionIds: [inv1], versions: { [inv1]: version - 1 }, status: 'none' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'stale_version', details: { field: 'versions', current: [{ id: inv1, collectionStatus: 'promise_to_pay', version, open: 60_000 }] } });
    expect(await w.snapshot()).toEqual(before);
  });

  const bad: Array<[string, (ids: Record<string, string>) => object, number, string]> = [
    ['a zero amount', ({ inv1 }) => ({ status: 'promise_to_pay', ids: [inv1], promise: { date: soon, items: [{ transactionId: inv1, amount: 0, currency: 'USD' }] } }), 400, 'amount'],
    ['a negative amount', ({ inv1 }) => ({ status: 'promise_to_pay', ids: [inv1], promise: { date: soon, items: [{ transactionId: inv1, amount: -5, currency: 'USD' }] } }), 400, 'amount'],
    ['more than is open', ({ inv1 }) => ({ status: 'promise_to_pay', ids: [inv1], promise: { date: soon, items: [{ transactionId: inv1, amount: 60_001, currency: 'USD' }] } }), 422, 'promise.items.0.amount'],
    ['the wrong currency', ({ inv1 }) => ({ status: 'promise_to_pay', ids: [inv1], promise: { date: soon, items: [{ transactionId: inv1, amount: 1, currency: 'EUR' }] } }), 422, 'promise.items.0.currency'],
    ['a promise date before today', ({ inv1 }) => ({ status: 'promise_to_pay', ids: [inv1], promise: { date: addDays(today, -1), items: [{ transactionId: inv1, amount: 1, currency: 'USD' }] } }), 422, 'promise.date'],
    ['a closed transaction', ({ paid }) => ({ status: 'disputed', ids: [paid], dispute: { reasonCode: 'price' } }), 422, 'transactionIds'],
    ['an unknown reason code', ({ inv1 }) => ({ status: 'disputed', ids: [inv1], dispute: { reasonCode: 'weather' } }), 422, 'dispute.reasonCode'],
    ['a dispute without its reason', ({ inv1 }) => ({ status: 'disputed', ids: [inv1] }), 400, 'dispute'],
    ['a promise item for another transaction', ({ inv1, inv2 }) => ({ status: 'promise_to_pay', ids: [inv1], promise: { date: soon, items: [{ transactionId: inv2, amount: 1, currency: 'USD' }] } }), 400, 'promise.items'],
    ['resolving what is not disputed', ({ inv1 }) => ({ status: 'resolved', ids: [inv1] }), 422, 'status'],
    ['a transaction named twice', ({ inv1 }) => ({ status: 'none', ids: [inv1, inv1] }), 400, 'transactionIds'],
  ];
  it.skipIf(skipReason).each(bad)('refuses %s with a 4xx naming the field and changes nothing', async (_name, make, status, field) => {
    const { ids, ...rest } = make({ inv1, inv2, paid, euro }) as { ids: string[] };
    const before = await w.snapshot();
    const response = await w.call('POST', url(), { transactionIds: ids, versions: await versions(...ids), ...rest });
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(field);
    expect(await w.snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('asks for a version of every transaction', async () => {
    const response = await w.call('POST', url(), { transactionIds: [inv2], versions: {}, status: 'none' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain("'versions'");
  });

  it.skipIf(skipReason)('disputes with a managed reason code, resolves, then clears; the history keeps every step', async () => {
    const step = async (status: string, extra: object = {}) => w.call('POST', url(), { transactionIds: [euro], versions: await versions(euro), status, ...extra });
    expect((await step('disputed', { dispute: { reasonCode: 'damaged' } })).json().items[0]).toMatchObject({ collectionStatus: 'disputed', disputeReason: 'damaged' });
    expect((await step('resolved')).json().items[0]).toMatchObject({ collectionStatus: 'resolved', disputeReason: null });
    expect((await step('none')).json().items[0]).toMatchObject({ collectionStatus: 'none' });
    const history = (await w.call('GET', `/api/customers/${w.customerId}/history?transactionId=${euro}`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['transaction.cleared', 'transaction.resolved', 'transaction.dispute']);
  });

  it.skipIf(skipReason)('answers a repeated Idempotency-Key once, and refuses the key for another request', async () => {
    const body = { transactionIds: [inv2], versions: await versions(inv2), status: 'disputed', dispute: { reasonCode: 'quantity' } };
    const first = await w.call('POST', url(), body, { 'idempotency-key': 'status-1' });
    const audits = (await w.snapshot() as { audits: string }).audits;
    const second = await w.call('POST', url(), body, { 'idempotency-key': 'status-1' });
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect((await w.snapshot() as { audits: string }).audits).toBe(audits);
    const other = await w.call('POST', url(), { ...body, dispute: { reasonCode: 'price' } }, { 'idempotency-key': 'status-1' });
    expect(other.statusCode).toBe(422);
  });

  it.skipIf(skipReason)('offers the seeded reason codes; a manager adds one that disputes can then name', async () => {
    const codes = (await w.call('GET', '/api/reason-codes?kind=dispute')).json().items.map((c: { code: string }) => c.code);
    expect(codes.sort()).toEqual(['already_paid', 'damaged', 'duplicate_billing', 'not_received', 'other', 'price', 'quantity']);
    expect((await w.call('POST', '/api/reason-codes', { kind: 'dispute', code: 'late_delivery', label: 'Late delivery' })).statusCode).toBe(201);
    expect((await w.call('POST', '/api/reason-codes', { kind: 'dispute', code: 'late_delivery', label: 'Again' })).statusCode).toBe(409);
    const disputed = await w.call('POST', url(), { transactionIds: [inv1], versions: await versions(inv1), status: 'disputed', dispute: { reasonCode: 'late_delivery' } });
    expect(disputed.statusCode).toBe(200);
    expect((await w.call('PATCH', '/api/reason-codes/dispute/late_delivery', { active: false })).json()).toMatchObject({ active: false });
    const retired = await w.call('POST', url(), { transactionIds: [inv2], versions: await versions(inv2), status: 'disputed', dispute: { reasonCode: 'late_delivery' } });
    expect(retired.statusCode).toBe(422);
  });
});
