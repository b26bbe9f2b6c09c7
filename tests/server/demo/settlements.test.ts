// Property: whatever the seed and as-of date, the generated settlements are ones the import must
// accept: same customer and currency, a debit against a credit, dated on or after both entries and
// not after the as-of date, and no entry settled beyond its amount.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../server/domain/money';
import { convertMinor } from '../../../server/demo/rates';
import { generatedRecords } from './generated';

const asOfDates = fc
  .integer({ min: Date.UTC(2024, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

function problems(customers: number, seed: number, asOf: string, accounting = 'USD'): string[] {
  const company = generatedRecords({ customers, seed, asOf, accountingCurrency: accounting });
  const found: string[] = [];
  const entries = new Map(company.ledger.map((r) => [r.external_id!, r]));
  const minor = new Map(company.ledger.map((r) => [r.external_id!, parseMoney(r.amount!, r.currency!)]));
  if (entries.size !== company.ledger.length) found.push('duplicate external id');
  const used = new Map<string, bigint>();
  for (const s of company.settlements) {
    const debit = entries.get(s.debit_external_id!);
    const credit = entries.get(s.credit_external_id!);
    if (!debit || !credit) {
      found.push(`settlement refers to a missing entry: ${s.debit_external_id} / ${s.credit_external_id}`);
      continue;
    }
    const amount = parseMoney(s.amount!, debit.currency!);
    if (debit.account !== credit.account || debit.currency !== credit.currency) found.push(`${debit.document} and ${credit.document} differ in customer or currency`);
    if (minor.get(debit.external_id!)! <= 0n || minor.get(credit.external_id!)! >= 0n) found.push(`${debit.document} is not settled by a credit`);
    if (amount <= 0n) found.push(`non-positive settlement of ${debit.document}`);
    if (s.date! < debit.posting_date! || s.date! < credit.posting_date! || s.date! > asOf) found.push(`settlement of ${debit.document} on ${s.date}`);
    used.set(debit.external_id!, (used.get(debit.external_id!) ?? 0n) + amount);
    used.set(credit.external_id!, (used.get(credit.external_id!) ?? 0n) + amount);
  }
  for (const [id, total] of used) {
    const amount = minor.get(id)!;
    if (total > (amount < 0n ? -amount : amount)) found.push(`${entries.get(id)!.document} is over-settled`);
  }
  for (const [id, entry] of entries) {
    if (entry.posting_date! > asOf) found.push(`${entry.document} is posted after the as-of date`);
    if (parseMoney(entry.amount_accounting!, accounting) !== convertMinor(minor.get(id)!, entry.currency!, accounting)) found.push(`${entry.document} accounting amount`);
  }
  return found;
}

describe('demo settlements', () => {
  it('never over-settle an entry and always fit the dates and currencies of both entries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }), asOfDates, fc.integer({ min: 1, max: 40 }), fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
        (seed, asOf, customers, accounting) => {
          expect(problems(customers, seed, asOf, accounting)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('hold for the default demo company too', () => {
    expect(problems(300, 20261124, '2026-11-24')).toEqual([]);
  });
});
