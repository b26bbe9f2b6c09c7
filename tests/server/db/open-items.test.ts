// What reads only the open items (through the settled totals of migration 007) agrees with what
// the whole ledger says, today and on past dates, including entries settled after the past date:
// the aging of every customer in one statement, customer by customer and period by period, and each
// customer's open transactions, and what collection letters are proposed from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agingOfAllCustomers } from '../../../server/db/repositories/aging';
import { loadLedger, loadOpenLedger } from '../../../server/db/repositories/ledger';
import { ageLedger } from '../../../server/domain/aging';
import { addDays } from '../../../server/domain/dates';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import { overdueLines } from '../../../server/domain/letters';
import { loadProposalInputs } from '../../../server/letters/store/proposal-inputs';
import { listTransactions } from '../../../server/domain/transactions';
import { transactionsJson } from '../../../server/http/mappers/transactions';
import type { AgingPeriod } from '../../../server/domain/types';
import { loadDemo } from '../../../server/demo/load';
import { importFiles } from '../../../server/import/index';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER, SETTLEMENTS_HEADER } from '../import/fixtures';

const TODAY = '2026-11-24';
const QUARTERS: AgingPeriod[] = [
  { label: 'Up to 15', fromDays: null, toDays: 15 },
  { label: '16–90', fromDays: 16, toDays: 90 },
  { label: 'Over 90', fromDays: 91, toDays: null },
];

describe.each(testDatabases)('open items on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    await loadDemo(handle, { asOf: TODAY, accountingCurrency: 'USD', customers: 30 });
  }, 120_000);
  afterAll(async () => handle?.close());

  it.skipIf(skipReason)('aging of all customers matches the domain aging of each, today and on past dates, by due or document date', async () => {
    const customers = await handle.db.selectFrom('customers').select('id').execute();
    for (const [asOf, periods, by] of [
      [TODAY, undefined, undefined],
      [addDays(TODAY, -45), undefined, 'document_date'],
      [addDays(TODAY, -200), QUARTERS, 'due_date'],
    ] as const) {
      const all = new Map((await agingOfAllCustomers(handle.db, asOf, periods, by)).map((a) => [a.customerId, a.amounts]));
      let withBalance = 0;
      for (const { id } of customers) {
        const { entries, settlements } = await loadLedger(handle.db, id, asOf);
        const ledger = ledgerAsOf(entries, settlements, asOf);
        const expected = ageLedger(ledger, periods, by).map((a) => a.amount);
        const anythingOpen = ledger.items.some((item) => item.open !== 0n);
        if (anythingOpen) withBalance += 1;
        expect({ asOf, id, amounts: all.get(id) ?? null }).toEqual({ asOf, id, amounts: anythingOpen ? expected : null });
      }
      // The demo has customers with balances on every date checked, so the comparison is not empty.
      expect(withBalance).toBeGreaterThan(10);
    }
  });

  it.skipIf(skipReason)('open transactions read from the open entries alone match those of the whole ledger', async () => {
    const customers = await handle.db.selectFrom('customers').select('id').execute();
    let listed = 0;
    for (const asOf of [TODAY, addDays(TODAY, -45), addDays(TODAY, -200)]) {
      for (const { id } of customers) {
        const whole = await loadLedger(handle.db, id, asOf);
        const open = await loadOpenLedger(handle.db, id, asOf);
        const expected = listTransactions(whole.entries, whole.settlements, asOf, 'open', 'USD');
        const actual = listTransactions(open.entries, open.settlements, asOf, 'open', 'USD', { subset: true });
        expect({ id, ...actual }).toEqual({ id, ...expected });
        // Fewer rows read: the point of it.
        expect(open.entries.length).toBeLessThanOrEqual(whole.entries.length);
        listed += expected.items.length;
      }
    }
    expect(listed).toBeGreaterThan(50);
  });

  it.skipIf(skipReason)('letter proposals read from the open entries alone list the same overdue items and aging as the whole ledger', async () => {
    for (const asOf of [TODAY, addDays(TODAY, -45), addDays(TODAY, -200)]) {
      const inputs = await loadProposalInputs(handle.db, { agentId: null }, asOf);
      expect(inputs.length).toBeGreaterThan(0);
      for (const { customer, ledger } of inputs) {
        const whole = await loadLedger(handle.db, customer.id, asOf);
        expect(ledger.entries.length).toBeLessThanOrEqual(whole.entries.length);
        expect(overdueLines(ledger.entries, ledger.settlements, asOf), `${customer.account} on ${asOf}`).toEqual(
          overdueLines(whole.entries, whole.settlements, asOf),
        );
        expect(ageLedger(ledgerAsOf(ledger.entries, ledger.settlements, asOf, { subset: true }))).toEqual(
          ageLedger(ledgerAsOf(whole.entries, whole.settlements, asOf)),
        );
      }
    }
  });

  it.skipIf(skipReason)('a payment left open after settling a closed invoice shows what is left of it (minor units)', async () => {
    await importFiles(handle, [
      file('customers.csv', 'account,name,currency\nOVERPAID,Overpaid Ltd,USD\n'),
      file('ledger.csv', [
        LEDGER_HEADER,
        'OV-I1,OVERPAID,invoice,INV-1,2026-09-01,2026-10-01,USD,1000.00,',
        'OV-P1,OVERPAID,payment,PAY-1,2026-09-20,,USD,-1500.00,',
        'OV-I2,OVERPAID,invoice,INV-2,2026-10-05,2026-11-04,USD,200.00,',
      ].join('\n')),
      file('settlements.csv', `${SETTLEMENTS_HEADER}\nOV-I1,OV-P1,1000.00,2026-09-20\nOV-I2,OV-P1,150.00,2026-11-01\n`),
    ], { accountingCurrency: 'USD', actor: 'test' });
    const { id } = await handle.db.selectFrom('customers').select('id').where('account', '=', 'OVERPAID').executeTakeFirstOrThrow();
    const open = await loadOpenLedger(handle.db, id, TODAY);
    const listed = transactionsJson(listTransactions(open.entries, open.settlements, TODAY, 'open', 'USD', { subset: true }));
    expect(open.entries.map((e) => e.document).sort()).toEqual(['INV-2', 'PAY-1']);
    expect(listed.items.map((i) => [i.document, i.open])).toEqual([['PAY-1', -35000], ['INV-2', 5000]]);
    expect(listed.totals).toEqual([{ currency: 'USD', open: -30000 }]);
  });
});
