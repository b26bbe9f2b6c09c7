// The activities API without a tenant: activities are saved as not synced; a promise to pay or a
// dispute updates the named transactions atomically with the activity and its audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityTimelineEntries } from '../../../server/db/repositories/activities';
import { todayIn } from '../../../server/domain/dates';
import type { Activity } from '../../../server/http/schemas/activities';
import { openTestApp, seedCustomers, type TestApp } from '../http/world';

let t: TestApp;
let customerId: string;
let invoice: string;
let paid: string;
const today = todayIn('UTC', new Date());

async function entry(document: string, amount: bigint, settled = 0n): Promise<string> {
  const { id } = await t.handle.db
    .insertInto('ledger_entries')
    .values({ customer_id: customerId, external_id: null, kind: 'invoice', document, posting_date: '2026-01-05', due_date: '2026-02-04', currency: 'USD', amount, amount_accounting: amount, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (settled > 0n) {
    const { id: payment } = await t.handle.db
      .insertInto('ledger_entries')
      .values({ customer_id: customerId, external_id: null, kind: 'payment', document: `PAY-${document}`, posting_date: '2026-02-01', due_date: null, currency: 'USD', amount: -settled, amount_accounting: -settled, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.handle.db.insertInto('settlements').values({ debit_id: id, credit_id: payment, amount: settled, settled_on: '2026-02-01' }).execute();
  }
  return id;
}

const post = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload, headers });
const ledger = (id: string) => t.handle.db.selectFrom('ledger_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const count = async (table: 'activities' | 'audit_events' | 'outbox') =>
  Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await openTestApp('pglite');
  ({ C1: customerId } = (await seedCustomers(t.handle.db, [{ account: 'C1', name: 'Contoso Retail Ltd' }])) as { C1: string });
  invoice = await entry('INV-1', 100_000n, 40_000n);
  paid = await entry('INV-2', 5_000n, 5_000n);
});
afterAll(async () => {
  await t?.close();
});

describe('activities without Microsoft Graph', () => {
  it('logs a call as not synced, lists it and shows it in the timeline', async () => {
    const response = await post({ type: 'call', purpose: 'Chase INV-1', outcome: 'no_answer', durationMinutes: 2, followUpAt: '2026-12-01T09:00:00Z' });
    expect(response.statusCode).toBe(201);
    const activity = response.json() as Activity;
    expect(activity).toMatchObject({ type: 'call', status: 'open', outcome: 'no_answer', sync: { state: 'not_configured' } });
    expect(activity.startAt).not.toBeNull();
    const list = await t.app.inject({ method: 'GET', url: `/api/customers/${customerId}/activities` });
    expect(list.json().items.map((a: Activity) => a.id)).toContain(activity.id);
    const timeline = await activityTimelineEntries(t.handle.db, customerId, '2000-01-01', '2100-01-01');
    expect(timeline.find((e) => e.id === activity.id)).toMatchObject({ type: 'activity', title: 'Chase INV-1', details: { outcome: 'no_answer' } });
    expect(await count('outbox')).toBe(0);
  });

  it('records a promise to pay on the chosen transactions with date and amount, audited', async () => {
    const audits = await count('audit_events');
    const response = await post({
      type: 'call', purpose: 'Promise for INV-1', outcome: 'promise_to_pay',
      promise: { date: today, items: [{ transactionId: invoice, amount: 60_000, currency: 'USD' }] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().ledgerEntryIds).toEqual([invoice]);
    expect(await ledger(invoice)).toMatchObject({ collection_status: 'promise_to_pay', promise_date: today, promise_amount: 60_000n, status_date: today });
    const trail = await t.handle.db.selectFrom('audit_events').selectAll().where('entity_id', '=', invoice).execute();
    expect(trail[0]).toMatchObject({ action: 'transaction.promise_to_pay', before: { collectionStatus: 'none' }, after: { collectionStatus: 'promise_to_pay', promiseAmount: '60000' } });
    expect(await count('audit_events')).toBe(audits + 2);
  });

  it.each([
    ['more than is open', { date: today, items: [{ transactionId: 'INVOICE', amount: 60_001, currency: 'USD' }] }, 'promise.items.0.amount'],
    ['in the past', { date: '2020-01-01', items: [{ transactionId: 'INVOICE', amount: 1, currency: 'USD' }] }, 'promise.date'],
    ['in another currency', { date: today, items: [{ transactionId: 'INVOICE', amount: 1, currency: 'EUR' }] }, 'promise.items.0.currency'],
    ['on a settled invoice', { date: today, items: [{ transactionId: 'PAID', amount: 1, currency: 'USD' }] }, 'promise.items'],
  ])('refuses a promise %s and writes nothing', async (_name, promise, field) => {
    const items = promise.items.map((i) => ({ ...i, transactionId: i.transactionId === 'PAID' ? paid : invoice }));
    const before = { activities: await count('activities'), audits: await count('audit_events') };
    const response = await post({ type: 'call', purpose: 'Bad promise', outcome: 'promise_to_pay', promise: { ...promise, items } });
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain(field);
    expect({ activities: await count('activities'), audits: await count('audit_events') }).toEqual(before);
  });

  it('records a dispute with its reason code', async () => {
    const response = await post({ type: 'call', purpose: 'Dispute', outcome: 'dispute', dispute: { reasonCode: 'PRICE', transactionIds: [invoice] } });
    expect(response.statusCode).toBe(201);
    expect(await ledger(invoice)).toMatchObject({ collection_status: 'disputed', dispute_reason: 'PRICE', promise_date: null });
  });

  it('asks for the promise when the outcome is promise to pay', async () => {
    const response = await post({ type: 'call', purpose: 'x', outcome: 'promise_to_pay' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain("'promise'");
  });

  it('replays the first result for a repeated Idempotency-Key', async () => {
    const before = await count('activities');
    const body = { type: 'note', purpose: 'Customer moved offices' };
    const first = await post(body, { 'idempotency-key': 'k-123' });
    const second = await post(body, { 'idempotency-key': 'k-123' });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await count('activities')).toBe(before + 1);
  });

  it('edits, completes and cancels; a cancelled activity stays cancelled', async () => {
    const created = (await post({ type: 'task', purpose: 'Send statement', dueAt: '2026-12-05T00:00:00Z' })).json() as Activity;
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/activities/${created.id}`, payload });
    const edited = (await patch({ notes: 'Include Q3' })).json() as Activity;
    expect(edited).toMatchObject({ notes: 'Include Q3', sync: { state: 'not_configured' } });
    expect(edited.history.at(-1)).toMatchObject({ source: 'app', changes: { notes: { from: null, to: 'Include Q3' } } });
    expect((await patch({ status: 'completed' })).json().status).toBe('completed');
    expect((await patch({ status: 'cancelled' })).json().status).toBe('cancelled');
    const again = await patch({ status: 'open' });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/activities/nope', payload: { notes: 'x' } })).statusCode).toBe(404);
  });
});
