// The transactions list as of a date: open filter, order, per-currency totals, statuses (read as
// the API's JSON).
import { describe, expect, it } from 'vitest';
import { listTransactions as listDomain } from '../../../server/domain/transactions';
import { transactionsJson } from '../../../server/http/mappers/transactions';
import { entry, settle } from './builders';

const entries = [
  entry({ id: 'late', document: 'INV-2', amount: 10000n, amountAccounting: 11001n, currency: 'EUR', postingDate: '2026-01-01', dueDate: '2026-01-31',
    collectionStatus: 'promise_to_pay', statusDate: '2026-02-01', promiseDate: '2026-02-10', promiseAmount: 5000n }),
  entry({ id: 'early', document: 'INV-1', amount: 500n, postingDate: '2026-02-01', dueDate: '2026-01-31' }),
  entry({ id: 'paid', document: 'INV-3', amount: 700n, postingDate: '2026-02-01', dueDate: '2026-03-01' }),
  entry({ id: 'pay', document: 'PAY-1', amount: -1000n, postingDate: '2026-02-05' }),
  entry({ id: 'eur-pay', document: 'PAY-2', amount: -2500n, amountAccounting: -2700n, currency: 'EUR', postingDate: '2026-02-07' }),
  entry({ id: 'future', document: 'INV-9', amount: 1n, postingDate: '2026-04-01' }),
];
const listTransactions = (...args: Parameters<typeof listDomain>) => transactionsJson(listDomain(...args));
const settlements = [settle('paid', 'pay', 700n, '2026-02-05'), settle('late', 'eur-pay', 2500n, '2026-02-07')];

describe('listTransactions', () => {
  const open = listTransactions(entries, settlements, '2026-03-01', 'open', 'USD');

  it('lists only what is open, oldest due first, ties by document', () => {
    expect(open.items.map((i) => i.document)).toEqual(['INV-1', 'INV-2', 'PAY-1']);
    expect(open).toMatchObject({ asOf: '2026-03-01', accountingCurrency: 'USD' });
  });

  it('shows open amounts in both currencies, days overdue and the status of the day', () => {
    expect(open.items[1]).toMatchObject({
      currency: 'EUR', amount: 10000, open: 7500, openAccounting: 8251, // 11001 × 0.75 = 8250.75 → 8251
      daysOverdue: 29, collectionStatus: 'promise_broken', promiseAmount: 5000,
    });
    expect(open.items[2]).toMatchObject({ open: -300, daysOverdue: 0 });
  });

  it('totals the open amount per transaction currency', () => {
    expect(open.totals).toEqual([{ currency: 'EUR', open: 7500 }, { currency: 'USD', open: 200 }]);
  });

  it('lists every posted transaction with status all', () => {
    const all = listTransactions(entries, settlements, '2026-03-01', 'all', 'USD');
    expect(all.items.map((i) => i.document)).toEqual(['INV-1', 'INV-2', 'PAY-1', 'PAY-2', 'INV-3']);
    expect(all.items.find((i) => i.document === 'INV-3')).toMatchObject({ open: 0, daysOverdue: 0 });
  });
});
