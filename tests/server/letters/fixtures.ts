// Small hand-built worlds for letter tests: ledger entries, settlements and the seeded levels.
import type { LetterLevel } from '../../../server/domain/letters';
import type { LedgerEntry, Settlement } from '../../../server/domain/types';

let counter = 0;

export function invoice(partial: Partial<LedgerEntry> & { dueDate: string; amount: bigint }): LedgerEntry {
  counter += 1;
  return {
    id: partial.id ?? `e${counter}`,
    kind: 'invoice',
    document: partial.document ?? `INV-${String(counter).padStart(4, '0')}`,
    postingDate: partial.postingDate ?? '2026-01-01',
    currency: 'USD',
    amountAccounting: partial.amountAccounting ?? partial.amount,
    collectionStatus: 'none',
    statusDate: null,
    promiseDate: null,
    promiseAmount: null,
    disputeReason: null,
    ...partial,
  };
}

export function payment(amount: bigint, postingDate: string, id?: string): LedgerEntry {
  return invoice({ id, kind: 'payment', amount: -amount, dueDate: postingDate, postingDate, document: `PAY-${postingDate}` });
}

export function settle(debit: LedgerEntry, credit: LedgerEntry, amount: bigint, date: string): Settlement {
  return { debitId: debit.id, creditId: credit.id, amount, date };
}

export const LEVELS: LetterLevel[] = [
  { level: 1, name: 'Reminder', days: 7, minOverdue: 5000n, fees: { USD: 0n, EUR: 0n } },
  { level: 2, name: 'First notice', days: 30, minOverdue: 5000n, fees: { USD: 1000n, EUR: 900n } },
  { level: 3, name: 'Second notice', days: 45, minOverdue: 5000n, fees: { USD: 2500n, EUR: 2300n } },
  { level: 4, name: 'Final notice', days: 60, minOverdue: 5000n, fees: { USD: 4000n, EUR: 3700n } },
];
