// The demo company as five streamed CSV files (plus the collection statuses, and the invoice copies'
// links, that its CSV files do not carry).
// Each customer is generated from (seed, index, as-of date) alone, so every file is produced in one
// pass with constant memory and the same inputs always give the same bytes.
import { currencyExponent, formatMinor } from '../domain/money';
import type { CollectionStatus, IsoDate } from '../domain/types';
import { chunked, csvRow, type DemoFileKind } from './csv';
import { demoCustomer, type DemoCustomer } from './customers';
import { fromDay, toDay } from './days';
import { simulateLedger, type DemoLedger } from './ledger';
import { mixSeed, Rng } from './prng';
import { assertDemoCurrency, convertMinor } from './rates';
import { SELLER } from './names';
import { SHOWCASE } from './showcase';

/** The as-of date of the demo when none is given (npm start passes today's date instead). */
export const DEMO_REFERENCE_DATE: IsoDate = '2026-11-24';
export const DEMO_DEFAULT_SEED = 20261124;
export const DEMO_DEFAULT_CUSTOMERS = 300;
/** Ledger entries per customer on average when no total is asked for. */
const DEFAULT_ENTRIES_PER_CUSTOMER = 40;

export interface DemoOptions {
  customers: number;
  seed?: number;
  asOf: IsoDate;
  /** Total ledger entries to aim for; spread with a long tail so a few customers are large. */
  ledgerEntries?: number;
  accountingCurrency?: string;
}

export interface DemoStatusRow {
  externalId: string;
  status: CollectionStatus;
  statusDate: IsoDate;
  promiseDate: IsoDate | null;
  promiseAmount: bigint | null;
  disputeReason: string | null;
}

/** Where the seller's ERP keeps the copy of an invoice (https, as the import's document_url). */
export interface DemoDocumentLink {
  externalId: string;
  url: string;
}

export interface DemoCompany {
  files: Record<DemoFileKind, () => Generator<string>>;
  /** Collection statuses (promises, disputes) by ledger external id: ledger.csv has no columns for them. */
  statuses(): Generator<DemoStatusRow>;
  /** The showcase customers' invoices link to their copies; the other customers' do not. */
  documentLinks(): Generator<DemoDocumentLink>;
}

/**
 * Entries per customer: 60 % spread evenly (±50 %), 40 % by a Zipf-like rank weight 1 / (rank + k),
 * so at 50,000 customers and 2,000,000 entries the largest customer has about 5,000 entries.
 */
export function entryTargets(customers: number, total: number, seed: number): Int32Array {
  const k = Math.max(3, Math.round(customers / 2500));
  let step = Math.max(1, Math.floor(customers * 0.618));
  while (gcdOf(step, customers) !== 1) step++;
  const even = new Float64Array(customers);
  const zipf = new Float64Array(customers);
  let evenSum = 0;
  let zipfSum = 0;
  for (let i = 0; i < customers; i++) {
    even[i] = 0.5 + new Rng(mixSeed(seed, i, 3)).float();
    zipf[i] = 1 / (((i * step) % customers) + k);
    evenSum += even[i] as number;
    zipfSum += zipf[i] as number;
  }
  const targets = new Int32Array(customers);
  for (let i = 0; i < customers; i++) {
    const share = (0.6 * (even[i] as number)) / evenSum + (0.4 * (zipf[i] as number)) / zipfSum;
    targets[i] = Math.max(3, Math.round(total * share));
  }
  return targets;
}

function gcdOf(a: number, b: number): number {
  return b === 0 ? a : gcdOf(b, a % b);
}

/** Rounds a positive amount of whole units to two significant digits (up or down). */
function roundNice(units: bigint, up: boolean): bigint {
  if (units <= 0n) return 0n;
  const digits = units.toString().length;
  const scale = digits > 2 ? 10n ** BigInt(digits - 2) : 1n;
  const down = (units / scale) * scale;
  return up && down < units ? down + scale : down;
}

export function generateCompany(opts: DemoOptions): DemoCompany {
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const accounting = opts.accountingCurrency ?? 'USD';
  assertDemoCurrency(accounting);
  const asOfDay = toDay(opts.asOf);
  const n = opts.customers;
  if (!Number.isInteger(n) || n < 1) throw new Error(`customers must be a positive integer, not ${n}`);
  const targets = entryTargets(n, opts.ledgerEntries ?? n * DEFAULT_ENTRIES_PER_CUSTOMER, seed);
  const customer = (i: number) => demoCustomer(seed, i, targets[i] as number);
  const ledger = (c: DemoCustomer) => simulateLedger(c, { seed, customers: n, asOfDay, entryTarget: targets[c.index] as number });

  function* each<T>(f: (c: DemoCustomer) => Iterable<T>): Generator<T> {
    for (let i = 0; i < n; i++) yield* f(customer(i));
  }

  /** Whole units of the accounting currency, as a Dynamics 365 credit limit is kept. */
  function creditLimit(c: DemoCustomer, book: DemoLedger): string | null {
    if (c.creditLimit === 'none') return null;
    const scale = 10n ** BigInt(currencyExponent(accounting));
    const balanceUnits = convertMinor(book.balance, c.currency, accounting) / scale;
    const floor = convertMinor(BigInt(c.invoiceUsdCents[1]) * 3n, 'USD', accounting) / scale;
    if (c.creditLimit === 'exceeded' && balanceUnits > 10n) return roundNice((balanceUnits * 7n) / 10n, false).toString();
    const wanted = (balanceUnits * 3n) / 2n;
    return roundNice(wanted > floor ? wanted : floor, true).toString();
  }

  const files: DemoCompany['files'] = {
    customers: () => chunked('customers', each(function* (c) {
      yield csvRow([
        c.account, c.name, c.group, c.salesArea, c.paymentTerms, c.currency, creditLimit(c, ledger(c)),
        c.creditRating, c.status, fromDay(asOfDay - c.ageDays), c.domains.join(';'), c.agentEmail,
      ]);
    })),
    contacts: () => chunked('contacts', each(function* (c) {
      for (const p of c.contacts) yield csvRow([c.account, p.name, p.email, p.phone, p.role]);
    })),
    // The showcase customers hold a service contract in force, some an open-ended one too or one
    // that ended two years ago; the others none (the import is what a real company fills it from).
    contracts: () => chunked('contracts', each(function* (c) {
      if (c.index >= SHOWCASE.length) return;
      const value = (months: bigint) => formatMinor(convertMinor(BigInt(c.invoiceUsdCents[1]) * months, 'USD', c.currency), c.currency);
      const number = (n: number) => `K-${c.account.replace(/\D/g, '')}-${n}`;
      yield csvRow([c.account, number(1), 'Service agreement', fromDay(asOfDay - 300), fromDay(asOfDay + 65), value(12n), c.currency]);
      if (c.index % 2 === 0) {
        yield csvRow([c.account, number(2), 'Supply framework agreement', fromDay(asOfDay - 800), null, value(24n), c.currency]);
      }
      if (c.index % 3 === 0) {
        yield csvRow([c.account, number(3), 'Equipment lease', fromDay(asOfDay - 1460), fromDay(asOfDay - 731), value(6n), c.currency]);
      }
    })),
    ledger: () => chunked('ledger', each(function* (c) {
      for (const e of ledger(c).entries) {
        yield csvRow([
          e.document, c.account, e.kind, e.document, fromDay(e.posting), e.due === null ? null : fromDay(e.due),
          c.currency, formatMinor(e.amount, c.currency), formatMinor(convertMinor(e.amount, c.currency, accounting), accounting),
        ]);
      }
    })),
    settlements: () => chunked('settlements', each(function* (c) {
      for (const s of ledger(c).settlements) {
        yield csvRow([s.debit.document, s.credit.document, formatMinor(s.amount, c.currency), fromDay(s.day)]);
      }
    })),
  };

  return {
    files,
    statuses: () => each(function* (c) {
      for (const s of ledger(c).statuses) {
        yield {
          externalId: s.entry.document,
          status: s.status,
          statusDate: fromDay(s.statusDay),
          promiseDate: s.promiseDay === null ? null : fromDay(s.promiseDay),
          promiseAmount: s.promiseAmount,
          disputeReason: s.reason,
        };
      }
    }),
    documentLinks: function* () {
      for (let i = 0; i < Math.min(n, SHOWCASE.length); i++) {
        for (const e of ledger(customer(i)).entries) {
          if (e.kind === 'invoice') yield { externalId: e.document, url: `https://erp.${SELLER.domain}/invoices/${e.document}.pdf` };
        }
      }
    },
  };
}
