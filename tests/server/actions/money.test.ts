// The money-moving actions through the API on PGlite and PostgreSQL: settle (pairs, oldest first)
// and reverse as of a date, write-off within and above the limit with a manager's decision, NSF;
// bad inputs refused with a 4xx naming the field and nothing changed; earlier pictures unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../server/domain/dates';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from './world';

const today = todayIn('UTC', new Date());

describe.each(testDatabases)('money-moving actions on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let invA: string, invB: string, invE: string, pay1: string, pay2: string, cnE: string;
  const list = async (asOf = today) =>
    (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=all&asOf=${asOf}`)).json().items as Array<{ id: string; open: number; amount: number; currency: string; version: number; kind: string }>;
  const open = async (id: string, asOf = today) => (await list(asOf)).find((i) => i.id === id)?.open;
  const versions = async (...ids: string[]) => {
    const items = await list();
    return Object.fromEntries(ids.map((id) => [id, items.find((i) => i.id === id)!.version]));
  };
  const settleUrl = () => `/api/customers/${w.customerId}/settlements`;
  const writeOffUrl = () => `/api/customers/${w.customerId}/write-offs`;
  const setAgent = (role: 'agent' | 'admin', limit: bigint | null) => w.t.handle.db.updateTable('agents').set({ role, write_off_limit: limit }).execute();

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    invA = await w.entry('INV-A', 100_000n);
    invB = await w.entry('INV-B', 30_000n, { due: '2026-03-01' });
    invE = await w.entry('INV-E', 20_000n, { currency: 'EUR' });
    cnE = await w.entry('CN-E', -10_000n, { currency: 'EUR', kind: 'credit_note' });
    pay1 = await w.entry('PAY-1', -50_000n, { posted: '2026-02-01' });
    pay2 = await w.entry('PAY-2', -30_000n, { posted: '2026-02-10' });
    await w.settle(invB, pay2, 30_000n, '2026-02-10');
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('settles a pair partly; both open amounts move and the history shows it', async () => {
    const response = await w.call('POST', settleUrl(), { pairs: [{ debitId: invA, creditId: pay1, amount: 20_000 }], versions: await versions(invA, pay1) });
    expect(response.statusCode).toBe(201);
    expect(response.json().items).toMatchObject([{ debitId: invA, creditId: pay1, amount: 20_000, date: today }]);
    expect([await open(invA), await open(pay1)]).toEqual([80_000, -30_000]);
    const history = (await w.call('GET', `/api/customers/${w.customerId}/history?transactionId=${invA}`)).json().items;
    expect(history[0]).toMatchObject({ action: 'transaction.settled', before: { open: '100000' }, after: { open: '80000' } });
  });

  const badSettle: Array<[string, () => object, number, string]> = [
    ['a zero amount', () => ({ pairs: [{ debitId: invA, creditId: pay1, amount: 0 }] }), 400, 'amount'],
    ['a negative amount', () => ({ pairs: [{ debitId: invA, creditId: pay1, amount: -1 }] }), 400, 'amount'],
    ['more than is open', () => ({ pairs: [{ debitId: invA, creditId: pay1, amount: 30_001 }] }), 422, 'pairs.0.amount'],
    ['more than is open over two pairs', () => ({ pairs: [{ debitId: invA, creditId: pay1, amount: 20_000 }, { debitId: invA, creditId: pay1, amount: 10_001 }] }), 422, 'pairs.1.amount'],
    ['the wrong currency', () => ({ pairs: [{ debitId: invE, creditId: pay1, amount: 1 }] }), 422, 'pairs.0.creditId'],
    ['a closed entry', () => ({ pairs: [{ debitId: invB, creditId: pay1, amount: 1 }] }), 422, 'pairs.0.debitId'],
    ['a debit as the credit', () => ({ pairs: [{ debitId: invA, creditId: invE, amount: 1 }] }), 422, 'pairs.0.creditId'],
    ['neither pairs nor oldest first', () => ({}), 400, 'pairs'],
  ];
  it.skipIf(skipReason).each(badSettle)('refuses to settle with %s and changes nothing', async (_n, make, status, field) => {
    const before = await w.snapshot();
    const response = await w.call('POST', settleUrl(), { ...make(), versions: await versions(invA, pay1) });
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(field);
    expect(await w.snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('refuses a stale version with 409 and the current state', async () => {
    const before = await w.snapshot();
    const v = await versions(invA, pay1);
    const response = await w.call('POST', settleUrl(), { pairs: [{ debitId: invA, creditId: pay1, amount: 1 }], versions: { ...v, [invA]: v[invA]! - 1 } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'stale_version', details: { current: [{ id: invA, open: 80_000 }] } });
    expect(await w.snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('reverses a settlement made today by removing it (one per pair and day), and refuses imported ones', async () => {
    const made = (await w.call('POST', settleUrl(), { mode: 'oldest_first', creditIds: [pay1], versions: await versions(pay1) })).json().items;
    expect(made).toMatchObject([{ debitId: invA, amount: 30_000 }]);
    expect(await open(pay1)).toBe(0);
    const reversed = await w.call('DELETE', `/api/settlements/${made[0].id}`);
    expect(reversed.statusCode).toBe(200);
    // The pair's settlement of the day is one settlement: 20 000 earlier today and 30 000 now.
    expect(reversed.json().reversal).toMatchObject({ id: null, amount: -50_000, date: today });
    expect([await open(invA), await open(pay1)]).toEqual([100_000, -50_000]);
    expect((await w.call('DELETE', `/api/settlements/${made[0].id}`)).statusCode).toBe(404);
    const imported = await w.t.handle.db.selectFrom('settlements').select('id').where('credit_id', '=', pay2).executeTakeFirstOrThrow();
    expect((await w.call('DELETE', `/api/settlements/${imported.id}`)).json().code).toBe('not_reversible');
  });

  it.skipIf(skipReason)('reverses an older settlement as of a date: the ledger before it is unchanged', async () => {
    const earlier = addDays(today, -10);
    const { id } = await w.t.handle.db
      .insertInto('settlements')
      .values({ debit_id: invE, credit_id: cnE, amount: 10_000n, settled_on: earlier, created_by: 'someone' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await w.call('DELETE', `/api/settlements/${id}?date=${addDays(earlier, -1)}`)).json().message).toContain("'date'");
    const reversed = await w.call('DELETE', `/api/settlements/${id}?date=${addDays(today, -2)}`);
    expect(reversed.statusCode).toBe(200);
    expect([await open(invE, addDays(today, -3)), await open(invE)]).toEqual([10_000, 20_000]);
    expect((await w.call('DELETE', `/api/settlements/${id}`)).statusCode).toBe(409);
  });

  it.skipIf(skipReason)('writes off a small remainder within the limit at once (201)', async () => {
    await setAgent('agent', 5_000n);
    const response = await w.call('POST', writeOffUrl(), { items: [{ transactionId: invA, amount: 3_000 }], reasonCode: 'small_balance', versions: await versions(invA) });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'posted', totalAccounting: 3_000, entryIds: [expect.any(String)] });
    expect(await open(invA)).toBe(97_000);
    expect((await list()).find((i) => i.id === response.json().entryIds[0])).toMatchObject({ kind: 'write_off', amount: -3_000, open: 0 });
  });

  const badWriteOff: Array<[string, () => object, number, string]> = [
    ['a zero amount', () => ({ items: [{ transactionId: invA, amount: 0 }], reasonCode: 'other' }), 400, 'amount'],
    ['more than is open', () => ({ items: [{ transactionId: invA, amount: 97_001 }], reasonCode: 'other' }), 422, 'items.0.amount'],
    ['a closed entry', () => ({ items: [{ transactionId: invB, amount: 1 }], reasonCode: 'other' }), 422, 'items.0.transactionId'],
    ['an unknown reason code', () => ({ items: [{ transactionId: invA, amount: 1 }], reasonCode: 'mercy' }), 422, 'reasonCode'],
    ['a credit', () => ({ items: [{ transactionId: pay1, amount: 1 }], reasonCode: 'other' }), 422, 'items.0.transactionId'],
  ];
  it.skipIf(skipReason).each(badWriteOff)('refuses a write-off with %s and changes nothing', async (_n, make, status, field) => {
    const before = await w.snapshot();
    const response = await w.call('POST', writeOffUrl(), { ...make(), versions: await versions(invA, invB, pay1) });
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(field);
    expect(await w.snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('an agent without a limit may not write off (403)', async () => {
    await setAgent('agent', null);
    const response = await w.call('POST', writeOffUrl(), { items: [{ transactionId: invA, amount: 1 }], reasonCode: 'other', versions: await versions(invA) });
    expect(response.statusCode).toBe(403);
    await setAgent('agent', 5_000n);
  });

  it.skipIf(skipReason)('over the limit waits for a manager (202), nothing posted; approved it is posted, rejected nothing', async () => {
    const over = await w.call('POST', writeOffUrl(), { items: [{ transactionId: invA, amount: 50_000 }], reasonCode: 'bad_debt', versions: await versions(invA) });
    expect(over.statusCode).toBe(202);
    expect(over.json()).toMatchObject({ status: 'pending', entryIds: [] });
    expect(await open(invA)).toBe(97_000);
    const pending = (await w.call('GET', '/api/write-offs?status=pending')).json().items;
    expect(pending.map((p: { id: string }) => p.id)).toContain(over.json().id);
    const approved = await w.call('POST', `/api/write-offs/${over.json().id}/approve`, {});
    expect(approved.json()).toMatchObject({ status: 'posted', entryIds: [expect.any(String)] });
    expect(await open(invA)).toBe(47_000);
    expect((await w.call('POST', `/api/write-offs/${over.json().id}/reject`, {})).statusCode).toBe(409);
    const other = (await w.call('POST', writeOffUrl(), { items: [{ transactionId: invA, amount: 20_000 }], reasonCode: 'goodwill', versions: await versions(invA) })).json();
    expect((await w.call('POST', `/api/write-offs/${other.id}/reject`, { note: 'No' })).json()).toMatchObject({ status: 'rejected', entryIds: [] });
    expect(await open(invA)).toBe(47_000);
    await setAgent('admin', null);
  });

  it.skipIf(skipReason)('NSF on a payment reopens what it settled from the NSF date only', async () => {
    const date = addDays(today, -1);
    const bad = await w.call('POST', `/api/transactions/${invA}/nsf`, { date, version: (await versions(invA))[invA] });
    expect(bad.json().code).toBe('not_a_payment');
    expect((await w.call('POST', `/api/transactions/${pay2}/nsf`, { date: '2026-02-09', version: (await versions(pay2))[pay2] })).json().message).toContain("'date'");
    const response = await w.call('POST', `/api/transactions/${pay2}/nsf`, { date, version: (await versions(pay2))[pay2] });
    expect(response.statusCode).toBe(201);
    expect([await open(invB), await open(pay2), await open(response.json().reversalId)]).toEqual([30_000, 0, 0]);
    expect(await open(invB, addDays(date, -1))).toBe(0);
    const again = await w.call('POST', `/api/transactions/${pay2}/nsf`, { date, version: (await versions(pay2))[pay2] });
    expect(again.statusCode).toBe(409);
  });

  it.skipIf(skipReason)('after all of it, each currency open adds up to what is posted, today and before', async () => {
    for (const asOf of [today, addDays(today, -3), '2026-02-15']) {
      const items = await list(asOf);
      for (const currency of ['USD', 'EUR']) {
        const mine = items.filter((i) => i.currency === currency);
        expect(mine.reduce((s, i) => s + i.open, 0)).toBe(mine.reduce((s, i) => s + i.amount, 0));
      }
    }
  });
});
