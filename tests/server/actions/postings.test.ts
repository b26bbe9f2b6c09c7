// The postings feed for the ERP on PGlite and PostgreSQL: what a write-off and a settlement posted,
// in order from a cursor, as JSON and CSV; and the ERP's copy imported back (same external ids)
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../server/import/index';
import { testDatabases } from '../../support/db';
import { file, LEDGER_HEADER, SETTLEMENTS_HEADER } from '../import/fixtures';
import { openActionsWorld, type ActionsWorld } from './world';

interface Item { cursor: string; kind: string; externalId: string; account: string; details: Record<string, string | null> }

describe.each(testDatabases)('postings feed on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let inv: string;
  let pay: string;
  const versions = async (...ids: string[]) => {
    const items = (await w.call('GET', `/api/customers/${w.customerId}/transactions`)).json().items as Array<{ id: string; version: number }>;
    return Object.fromEntries(ids.map((id) => [id, items.find((i) => i.id === id)!.version]));
  };

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    inv = await w.entry('INV-9', 10_050n);
    pay = await w.entry('PAY-9', -10_000n, { posted: '2026-02-01' });
    await w.t.handle.db.updateTable('ledger_entries').set({ external_id: 'ERP-INV-9' }).where('id', '=', inv).execute();
    await w.t.handle.db.updateTable('ledger_entries').set({ external_id: 'ERP-PAY-9' }).where('id', '=', pay).execute();
    await w.call('POST', `/api/customers/${w.customerId}/settlements`, { pairs: [{ debitId: inv, creditId: pay, amount: 10_000 }], versions: await versions(inv, pay) });
    await w.call('POST', `/api/customers/${w.customerId}/write-offs`, { items: [{ transactionId: inv, amount: 50 }], reasonCode: 'small_balance', versions: await versions(inv) });
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('lists each posting in order with its external id, and continues from the cursor', async () => {
    const first = (await w.call('GET', '/api/exports/postings?limit=2')).json();
    expect(first.items.map((i: Item) => i.kind)).toEqual(['settlement', 'entry']);
    expect(first.items[0].details).toMatchObject({ debitExternalId: 'ERP-INV-9', creditExternalId: 'ERP-PAY-9', amount: '100.00', currency: 'USD' });
    expect(first.items[1]).toMatchObject({ account: 'C1', externalId: expect.stringMatching(/^AR-/), details: { kind: 'write_off', amount: '-0.50', amountAccounting: '-0.50' } });
    const rest = (await w.call('GET', `/api/exports/postings?after=${first.next}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0].details).toMatchObject({ debitExternalId: 'ERP-INV-9', creditExternalId: first.items[1].externalId, amount: '0.50' });
    expect((await w.call('GET', `/api/exports/postings?after=${rest.next}`)).json()).toEqual({ items: [], next: rest.next });
  });

  it.skipIf(skipReason)('answers CSV with a header and one row per posting', async () => {
    const response = await w.call('GET', '/api/exports/postings?format=csv');
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('cursor,posted_at,posting,external_id,account,kind,document,posting_date,currency,amount,amount_accounting,debit_external_id,credit_external_id,date');
    expect(lines).toHaveLength(4);
  });

  it.skipIf(skipReason)("importing the ERP's copy of those postings (same external ids) changes nothing", async () => {
    const items = (await w.call('GET', '/api/exports/postings')).json().items as Item[];
    const entries = items.filter((i) => i.kind === 'entry').map((i) => {
      const d = i.details;
      return [i.externalId, i.account, d.kind, d.document, d.postingDate, '', d.currency, d.amount, d.amountAccounting].join(',');
    });
    const settlements = items.filter((i) => i.kind === 'settlement').map((i) => [i.details.debitExternalId, i.details.creditExternalId, i.details.amount, i.details.date].join(','));
    const before = await w.snapshot();
    await importFiles(w.t.handle, [file('ledger.csv', [LEDGER_HEADER, ...entries].join('\n')), file('settlements.csv', [SETTLEMENTS_HEADER, ...settlements].join('\n'))], { accountingCurrency: 'USD', actor: 'erp' });
    const after = (await w.snapshot()) as { entries: unknown; settlements: unknown };
    expect({ entries: after.entries, settlements: after.settlements }).toEqual({ entries: (before as typeof after).entries, settlements: (before as typeof after).settlements });
  });
});
