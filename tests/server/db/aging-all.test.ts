// The aging of every customer in one statement agrees, customer by customer and period by period,
// with the domain's aging of that customer's ledger, today and on past dates, including entries
// settled after the past date (which the statement reads from their settlements).
import { describe, expect, it } from 'vitest';
import { agingOfAllCustomers } from '../../../server/db/repositories/aging';
import { loadLedger } from '../../../server/db/repositories/ledger';
import { ageLedger } from '../../../server/domain/aging';
import { addDays } from '../../../server/domain/dates';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import type { AgingPeriod } from '../../../server/domain/types';
import { loadDemo } from '../../../server/demo/load';
import { openTestDatabase, testDatabases } from '../../support/db';

const TODAY = '2026-11-24';
const QUARTERS: AgingPeriod[] = [
  { label: 'Up to 15', fromDays: null, toDays: 15 },
  { label: '16–90', fromDays: 16, toDays: 90 },
  { label: 'Over 90', fromDays: 91, toDays: null },
];

describe.each(testDatabases)('aging of all customers on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)('matches the domain aging of each customer, today and on past dates', async () => {
    const handle = await openTestDatabase(name);
    try {
      await loadDemo(handle.db, { asOf: TODAY, accountingCurrency: 'USD', customers: 30 });
      const customers = await handle.db.selectFrom('customers').select('id').execute();
      for (const [asOf, periods] of [
        [TODAY, undefined],
        [addDays(TODAY, -45), undefined],
        [addDays(TODAY, -200), QUARTERS],
      ] as const) {
        const all = new Map((await agingOfAllCustomers(handle.db, asOf, periods)).map((a) => [a.customerId, a.amounts]));
        let withBalance = 0;
        for (const { id } of customers) {
          const { entries, settlements } = await loadLedger(handle.db, id, asOf);
          const ledger = ledgerAsOf(entries, settlements, asOf);
          const expected = ageLedger(ledger, periods).map((a) => a.amount);
          const anythingOpen = ledger.items.some((item) => item.open !== 0n);
          if (anythingOpen) withBalance += 1;
          expect({ asOf, id, amounts: all.get(id) ?? null }).toEqual({ asOf, id, amounts: anythingOpen ? expected : null });
        }
        // The demo has customers with balances on every date checked, so the comparison is not empty.
        expect(withBalance).toBeGreaterThan(10);
      }
    } finally {
      await handle.close();
    }
  });
});
