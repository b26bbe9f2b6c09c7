// NSF with the fee through the API on PGlite and PostgreSQL: `chargeFee` posts the configured NSF
// fee as a fee entry in the payment's currency, journaled in the postings feed; the month of the NSF
// shows an NSF mark in the payment history; a currency without a configured fee is a 422 and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { monthOf, todayIn } from '../../../server/domain/dates';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from './world';

const today = todayIn('UTC', new Date());

describe('NSF_FEE', () => {
  it('reads amounts by currency and refuses a malformed one naming the variable', () => {
    expect(loadConfig({ NSF_FEE: '25.00 USD; 20 eur' }).nsfFees).toEqual({ USD: 2500n, EUR: 2000n });
    expect(loadConfig({}).nsfFees).toEqual({ USD: 2500n });
    expect(() => loadConfig({ NSF_FEE: '25.001 USD' })).toThrow(/NSF_FEE/);
    expect(() => loadConfig({ NSF_FEE: 'USD 25' })).toThrow(/NSF_FEE/);
    expect(() => loadConfig({ NSF_FEE: '0 USD' })).toThrow(/NSF_FEE/);
  });
});

describe.each(testDatabases)('NSF fee on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let inv: string, pay: string, payEur: string;
  const version = async (id: string) =>
    ((await w.call('GET', `/api/customers/${w.customerId}/transactions?status=all`)).json().items as Array<{ id: string; version: number }>).find((i) => i.id === id)!.version;

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    inv = await w.entry('INV-1', 40_000n, { posted: today, due: today });
    pay = await w.entry('PAY-1', -40_000n, { posted: today });
    payEur = await w.entry('PAY-E', -10_000n, { posted: today, currency: 'EUR' });
    await w.settle(inv, pay, 40_000n, today);
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('refuses the fee in a currency without one configured, and changes nothing', async () => {
    const before = await w.snapshot();
    const response = await w.call('POST', `/api/transactions/${payEur}/nsf`, { date: today, version: await version(payEur), chargeFee: true });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'no_nsf_fee' });
    expect(response.json().message).toContain('chargeFee');
    expect(await w.snapshot()).toEqual(before);
  });

  it.skipIf(skipReason)('posts the fee as a fee entry, journals it for the ERP and marks the month NSF', async () => {
    const monthBefore = (await w.call('GET', `/api/customers/${w.customerId}/summary`)).json().paymentHistory.months.at(-1);
    expect(monthBefore).toMatchObject({ month: monthOf(today), state: 'on_time' });
    const response = await w.call('POST', `/api/transactions/${pay}/nsf`, { date: today, version: await version(pay), chargeFee: true });
    expect(response.statusCode).toBe(201);
    const feeId = response.json().feeId as string;
    const items = (await w.call('GET', `/api/customers/${w.customerId}/transactions`)).json().items as Array<{ id: string; kind: string; amount: number; currency: string; open: number; postingDate: string }>;
    expect(items.find((i) => i.id === feeId)).toMatchObject({ kind: 'fee', amount: 2500, currency: 'USD', open: 2500, postingDate: today });
    expect(items.find((i) => i.id === inv)).toMatchObject({ open: 40_000 });
    const feed = (await w.call('GET', '/api/exports/postings')).json().items as Array<{ kind: string; body?: { kind?: string; amount?: string } }>;
    expect(JSON.stringify(feed)).toContain('NSF-FEE-PAY-1');
    const months = (await w.call('GET', `/api/customers/${w.customerId}/summary`)).json().paymentHistory.months;
    expect(months.at(-1)).toMatchObject({ month: monthOf(today), state: 'nsf' });
    expect(months.slice(0, -1).every((m: { state: string }) => m.state !== 'nsf')).toBe(true);
  });

  it.skipIf(skipReason)('posts no fee when chargeFee is left out', async () => {
    const pay2 = await w.entry('PAY-2', -5_000n, { posted: today });
    const response = await w.call('POST', `/api/transactions/${pay2}/nsf`, { date: today, version: await version(pay2) });
    expect(response.statusCode).toBe(201);
    expect(response.json().feeId).toBeNull();
    const fees = await w.t.handle.db.selectFrom('ledger_entries').select('id').where('kind', '=', 'fee').execute();
    expect(fees).toHaveLength(1);
  });
});
