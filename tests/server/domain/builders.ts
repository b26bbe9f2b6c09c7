// Small builders for domain tests: a ledger entry with defaults, and fast-check ledgers whose
// settlements never exceed what is open (as the importer guarantees).
import fc from 'fast-check';
import { addDays } from '../../../server/domain/dates';
import type { LedgerEntry, Settlement } from '../../../server/domain/types';

export function entry(fields: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'amount'>): LedgerEntry {
  return {
    kind: fields.amount > 0n ? 'invoice' : 'payment',
    document: fields.id,
    postingDate: '2026-01-01',
    dueDate: null,
    currency: 'USD',
    amountAccounting: fields.amount,
    collectionStatus: 'none',
    statusDate: null,
    promiseDate: null,
    promiseAmount: null,
    disputeReason: null,
    ...fields,
  };
}

export function settle(debitId: string, creditId: string, amount: bigint, date: string): Settlement {
  return { debitId, creditId, amount, date };
}

const START = '2025-01-01';
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD'] as const;

const entryArb = (sign: 1n | -1n, index: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 540 }),
      terms: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
      currency: fc.constantFrom(...CURRENCIES),
      amount: fc.bigInt({ min: 1n, max: 10_000_000n }),
      accounting: fc.bigInt({ min: 1n, max: 50_000_000n }),
      kind: fc.constantFrom(...(sign > 0n ? (['invoice', 'fee', 'interest'] as const) : (['payment', 'credit_note'] as const))),
      status: fc.constantFrom('none', 'promise_to_pay', 'disputed', 'promise_broken' as const),
      statusDay: fc.integer({ min: 0, max: 120 }),
      promiseDays: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ day, terms, currency, amount, accounting, kind, status, statusDay, promiseDays }) => {
      const postingDate = addDays(START, day);
      const statusDate = sign > 0n && status !== 'none' ? addDays(postingDate, statusDay) : null;
      const promised = statusDate !== null && status === 'promise_to_pay';
      return entry({
        collectionStatus: statusDate === null ? 'none' : status,
        statusDate,
        promiseDate: promised ? addDays(statusDate, promiseDays) : null,
        promiseAmount: promised ? (amount + 1n) / 2n : null,
        disputeReason: status === 'disputed' ? 'Price' : null,
        id: `${sign > 0n ? 'D' : 'C'}${index}`,
        kind,
        postingDate,
        dueDate: sign > 0n && terms !== null ? addDays(postingDate, terms) : null,
        currency,
        amount: sign * amount,
        amountAccounting: sign * accounting,
      });
    });

const attemptArb = fc.record({
  debit: fc.nat(),
  credit: fc.nat(),
  share: fc.integer({ min: 1, max: 100 }),
  delay: fc.integer({ min: 0, max: 120 }),
});

type Attempt = { debit: number; credit: number; share: number; delay: number };

/** Settlements built from attempts: same currency, never more than either side has open. */
function resolve(debits: LedgerEntry[], credits: LedgerEntry[], attempts: Attempt[]): Settlement[] {
  const open = new Map([...debits, ...credits].map((e) => [e.id, e.amount < 0n ? -e.amount : e.amount]));
  const out: Settlement[] = [];
  for (const attempt of attempts) {
    const debit = debits[attempt.debit % Math.max(1, debits.length)];
    const credit = credits[attempt.credit % Math.max(1, credits.length)];
    if (!debit || !credit || debit.currency !== credit.currency) continue;
    const room = [open.get(debit.id) ?? 0n, open.get(credit.id) ?? 0n].reduce((a, b) => (a < b ? a : b));
    const amount = (room * BigInt(attempt.share) + 99n) / 100n;
    if (amount <= 0n) continue;
    open.set(debit.id, (open.get(debit.id) ?? 0n) - amount);
    open.set(credit.id, (open.get(credit.id) ?? 0n) - amount);
    const later = debit.postingDate > credit.postingDate ? debit.postingDate : credit.postingDate;
    out.push({ debitId: debit.id, creditId: credit.id, amount, date: addDays(later, attempt.delay) });
  }
  return out;
}

export interface ArbLedger {
  entries: LedgerEntry[];
  settlements: Settlement[];
}

export const ledgerArb: fc.Arbitrary<ArbLedger> = fc
  .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 8 }))
  .chain(([debitCount, creditCount]) =>
    fc.record({
      debits: fc.tuple(...Array.from({ length: debitCount }, (_, i) => entryArb(1n, i))),
      credits: fc.tuple(...Array.from({ length: creditCount }, (_, i) => entryArb(-1n, i))),
      attempts: fc.array(attemptArb, { maxLength: 15 }),
    }),
  )
  .map(({ debits, credits, attempts }) => ({
    entries: [...debits, ...credits],
    settlements: resolve(debits, credits, attempts),
  }));

/** An as-of date within (and a little around) the generated ledgers' span. */
export const asOfArb = fc.integer({ min: -10, max: 700 }).map((day) => addDays(START, day));
