// What the pane's NSF dialog offers: each payment in the transactions list carries the NSF fee
// configured in its currency (NSF_FEE), null where none is; other entries carry none.
import { describe, expect, it } from 'vitest';
import { listTransactions } from '../../../server/domain/transactions';
import { transactionsJson } from '../../../server/http/mappers/transactions';
import { entry } from '../domain/builders';

const entries = [
  entry({ id: 'inv', document: 'INV-1', amount: 5000n, postingDate: '2026-02-01', dueDate: '2026-03-01' }),
  entry({ id: 'usd', document: 'PAY-1', amount: -1000n, postingDate: '2026-02-05' }),
  entry({ id: 'eur', document: 'PAY-2', amount: -2500n, amountAccounting: -2700n, currency: 'EUR', postingDate: '2026-02-07' }),
];

describe('the NSF fee on the transactions list', () => {
  it('gives each payment the fee of its currency, null without one, and nothing on other entries', () => {
    const list = transactionsJson(listTransactions(entries, [], '2026-03-01', 'open', 'USD'), new Map(), new Map(), { USD: 2500n, GBP: 2000n });
    const byDocument = Object.fromEntries(list.items.map((t) => [t.document, t]));
    expect(byDocument['PAY-1']?.nsfFee).toBe(2500);
    expect(byDocument['PAY-2']?.nsfFee).toBeNull();
    expect(byDocument['INV-1']).not.toHaveProperty('nsfFee');
  });
});
