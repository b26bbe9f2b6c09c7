// What an activity's promise or dispute said, shown with it, and corrected by an edit: the outcome,
// the promise's date and amount, the dispute's reason. The transactions still carrying the promise or
// dispute follow in the same transaction; bad corrections are refused naming the field, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../server/domain/dates';
import type { Activity } from '../../../server/http/schemas/activities';
import { testDatabases } from '../../support/db';
import { openTestApp, seedCustomers, type TestApp } from '../http/world';

const today = todayIn('UTC', new Date());
const later = addDays(today, 10);

describe.each(testDatabases)('correcting activities on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let customerId: string;
  let n = 0;

  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    ({ K1: customerId } = (await seedCustomers(t.handle.db, [{ account: 'K1', name: 'Kestrel Foods' }])) as { K1: string });
  });
  afterAll(async () => t?.close());

  /** A fresh open invoice of `amount` minor units. */
  async function invoice(amount: bigint): Promise<{ id: string; document: string }> {
    const document = `INV-${1040 + ++n}`;
    const { id } = await t.handle.db
      .insertInto('ledger_entries')
      .values({ customer_id: customerId, external_id: null, kind: 'invoice', document, posting_date: '2026-01-05', due_date: `2026-02-${String(10 + n).padStart(2, '0')}`, currency: 'USD', amount, amount_accounting: amount, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, document };
  }
  const post = async (payload: object) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload: { type: 'call', purpose: 'Call', ...payload } });
    expect(response.statusCode).toBe(201);
    return response.json() as Activity;
  };
  const promise = (items: Array<{ id: string; amount: number }>, date = later) =>
    post({ outcome: 'promise_to_pay', promise: { date, items: items.map((i) => ({ transactionId: i.id, amount: i.amount, currency: 'USD' })) } });
  const patch = (id: string, payload: object, ifMatch?: string) =>
    t.app.inject({ method: 'PATCH', url: `/api/activities/${id}`, payload, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const ledger = (id: string) =>
    t.handle.db.selectFrom('ledger_entries').select(['collection_status', 'promise_date', 'promise_amount', 'dispute_reason']).where('id', '=', id).executeTakeFirstOrThrow();
  const listed = async (id: string) =>
    ((await t.app.inject({ method: 'GET', url: `/api/customers/${customerId}/activities` })).json().items as Activity[]).find((a) => a.id === id)!;
  const audits = async () => Number((await t.handle.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it.skipIf(skipReason)('lists a promise with its date, amounts and invoices, and a dispute with its reason and invoices', async () => {
    const [a, b, c] = [await invoice(90_000n), await invoice(50_000n), await invoice(20_000n)];
    const promised = await promise([{ id: a.id, amount: 60_000 }, { id: b.id, amount: 30_000 }]);
    const disputed = await post({ outcome: 'dispute', dispute: { reasonCode: 'price', transactionIds: [c.id] } });
    expect(await listed(promised.id)).toMatchObject({
      promise: {
        date: later,
        totals: [{ amount: 90_000, currency: 'USD' }],
        items: [{ transactionId: a.id, document: a.document, amount: 60_000, currency: 'USD' }, { transactionId: b.id, document: b.document, amount: 30_000, currency: 'USD' }],
      },
      dispute: null,
    });
    expect(await listed(disputed.id)).toMatchObject({ promise: null, dispute: { reasonCode: 'price', reasonLabel: 'Price', items: [{ transactionId: c.id, document: c.document }] } });
  });

  it.skipIf(skipReason)('corrects the promised amount and date; the invoice follows, audited, once however often it is sent', async () => {
    const inv = await invoice(100_000n);
    const created = await promise([{ id: inv.id, amount: 90_000 }]);
    const before = await audits();
    const response = await patch(created.id, { promise: { amount: 70_000, date: addDays(later, 2) } }, `"${created.version}"`);
    expect(response.statusCode).toBe(200);
    const updated = response.json() as Activity;
    expect(updated).toMatchObject({ version: created.version! + 1, promise: { date: addDays(later, 2), totals: [{ amount: 70_000, currency: 'USD' }] } });
    expect(updated.history.at(-1)!.changes.promise).toMatchObject({ from: { items: [{ amount: '90000' }] }, to: { items: [{ amount: '70000' }] } });
    expect(await ledger(inv.id)).toEqual({ collection_status: 'promise_to_pay', promise_date: addDays(later, 2), promise_amount: 70_000n, dispute_reason: null });
    // The activity's own audit event and the invoice's.
    expect(await audits()).toBe(before + 2);
    const trail = await t.handle.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.id).where('action', '=', 'activity.update').executeTakeFirstOrThrow();
    expect(trail).toMatchObject({ before: { promise: { items: [{ amount: '90000' }] } }, after: { promise: { items: [{ amount: '70000' }] } } });

    const again = await patch(created.id, { promise: { amount: 70_000, date: addDays(later, 2) } });
    expect(again.json().version).toBe(updated.version);
    expect(await audits()).toBe(before + 2);
  });

  it.skipIf(skipReason)('spreads a lower total over the invoices in the order named; one left without a share is no longer promised', async () => {
    const [a, b] = [await invoice(40_000n), await invoice(40_000n)];
    const created = await promise([{ id: a.id, amount: 40_000 }, { id: b.id, amount: 40_000 }]);
    const updated = (await patch(created.id, { promise: { amount: 25_000 } })).json() as Activity;
    expect(updated.promise!.items).toEqual([{ transactionId: a.id, document: a.document, amount: 25_000, currency: 'USD' }]);
    expect(await ledger(a.id)).toMatchObject({ collection_status: 'promise_to_pay', promise_amount: 25_000n });
    expect(await ledger(b.id)).toMatchObject({ collection_status: 'none', promise_amount: null, promise_date: null });
  });

  it.skipIf(skipReason)('leaves an invoice whose status another action changed since as it is', async () => {
    const inv = await invoice(30_000n);
    const created = await promise([{ id: inv.id, amount: 30_000 }]);
    await post({ outcome: 'dispute', dispute: { reasonCode: 'damaged', transactionIds: [inv.id] } });
    const updated = await patch(created.id, { promise: { amount: 10_000 } });
    expect(updated.json().promise.totals).toEqual([{ amount: 10_000, currency: 'USD' }]);
    expect(await ledger(inv.id)).toMatchObject({ collection_status: 'disputed', dispute_reason: 'damaged', promise_amount: null });
  });

  it.skipIf(skipReason).each([
    ['a date before the activity', { promise: { date: '2020-01-01' } }, 422, 'promise.date'],
    ['an amount above what is open', { promise: { amount: 50_001 } }, 422, 'promise.amount'],
    ['an amount of zero', { promise: { amount: 0 } }, 400, 'promise.amount'],
    ['a promise on an activity whose outcome is not one', { outcome: 'reached', promise: { amount: 1 } }, 422, 'promise'],
    ['an empty promise', { promise: {} }, 400, 'promise'],
  ])('refuses %s naming the field, and changes nothing', async (_name, payload, status, field) => {
    const inv = await invoice(50_000n);
    const created = await promise([{ id: inv.id, amount: 20_000 }]);
    const before = await audits();
    const response = await patch(created.id, payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(field);
    expect(await ledger(inv.id)).toMatchObject({ promise_amount: 20_000n, promise_date: later });
    expect((await listed(created.id)).version).toBe(created.version);
    expect(await audits()).toBe(before);
  });

  it.skipIf(skipReason)('corrects the dispute reason to an active code (the invoice follows) and refuses an unknown one', async () => {
    const inv = await invoice(12_000n);
    const created = await post({ outcome: 'dispute', dispute: { reasonCode: 'price', transactionIds: [inv.id] } });
    const unknown = await patch(created.id, { dispute: { reasonCode: 'moon_phase' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().message).toContain('dispute.reasonCode');
    const updated = await patch(created.id, { dispute: { reasonCode: 'quantity' } });
    expect(updated.json().dispute).toMatchObject({ reasonCode: 'quantity', reasonLabel: 'Quantity' });
    expect(await ledger(inv.id)).toMatchObject({ collection_status: 'disputed', dispute_reason: 'quantity' });
  });

  it.skipIf(skipReason)('corrects the outcome: away from a promise withdraws it; to a promise needs one logged with its invoices', async () => {
    const inv = await invoice(8_000n);
    const created = await promise([{ id: inv.id, amount: 8_000 }]);
    const updated = (await patch(created.id, { outcome: 'reached' })).json() as Activity;
    expect(updated).toMatchObject({ outcome: 'reached', promise: null });
    expect(await ledger(inv.id)).toMatchObject({ collection_status: 'none', promise_amount: null });
    const back = await patch(created.id, { outcome: 'promise_to_pay' });
    expect(back.statusCode).toBe(422);
    expect(back.json().message).toContain("'outcome'");
    expect((await patch(created.id, { outcome: 'left_message' })).json().outcome).toBe('left_message');
  });

  it.skipIf(skipReason)('answers a stale version with 412 and the current activity, its promise included', async () => {
    const inv = await invoice(9_000n);
    const created = await promise([{ id: inv.id, amount: 9_000 }]);
    expect((await patch(created.id, { promise: { amount: 5_000 } }, `"${created.version}"`)).statusCode).toBe(200);
    const stale = await patch(created.id, { promise: { amount: 4_000 } }, `"${created.version}"`);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.current).toMatchObject({ version: created.version! + 1, promise: { totals: [{ amount: 5_000, currency: 'USD' }] } });
    expect(await ledger(inv.id)).toMatchObject({ promise_amount: 5_000n });
  });
});
