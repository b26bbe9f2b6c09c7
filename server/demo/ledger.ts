// One demo customer's receivables up to the as-of date: invoices, payments (some partial, some in
// remittance runs), credit notes, fees, interest, write-offs, and the settlements between them.
// Every settlement is dated on or after both entries and on or before the as-of date, and no entry
// is ever settled beyond its amount, so the product's import accepts the result as it stands.
import type { LedgerKind } from '../domain/types';
import type { DemoCustomer } from './customers';
import { addMonthsDay, weekday } from './days';
import type { DemoEntry, DemoInvoice, DemoSettlement } from './entries';
import { mixSeed, Rng } from './prng';
import { fromUsdCents } from './rates';
import { assignStatuses, type DemoStatus } from './statuses';

export interface DemoLedger {
  entries: DemoEntry[];
  settlements: DemoSettlement[];
  statuses: DemoStatus[];
  /** Sum of all open amounts in the customer's currency (settlements net to zero within it). */
  balance: bigint;
}

const PREFIX: Record<LedgerKind, string> = {
  invoice: 'INV', payment: 'PAY', credit_note: 'CN', fee: 'FEE', interest: 'INT', write_off: 'WO',
  nsf_reversal: 'NSF', adjustment: 'ADJ',
};

interface PaymentEvent { group: string; day: number; debit: DemoEntry; amount: bigint }

/** Moves a weekend day to the Monday after, or to the Friday before when Monday is past `limit`. */
function businessDay(day: number, limit: number): number {
  const wd = weekday(day);
  if (wd !== 0 && wd !== 6) return day;
  const monday = day + (wd === 6 ? 2 : 1);
  return monday <= limit ? monday : day - (wd === 6 ? 1 : 2);
}

function share(amount: bigint, percent: number): bigint {
  const part = (amount * BigInt(percent)) / 100n;
  return part < 1n ? 1n : part;
}

function paymentDelay(rng: Rng, payer: DemoCustomer['payer']): number {
  if (payer === 'prompt') return rng.chance(0.85) ? rng.int(-10, 0) : rng.int(1, 12);
  if (payer === 'late') return rng.chance(0.4) ? rng.int(-5, 0) : rng.skewed(3, 45);
  return rng.chance(0.15) ? rng.int(-3, 0) : rng.skewed(15, 150);
}

export function simulateLedger(
  c: DemoCustomer, ctx: { seed: number; customers: number; asOfDay: number; entryTarget: number },
): DemoLedger {
  const rng = new Rng(mixSeed(ctx.seed, c.index, 2));
  const asOf = ctx.asOfDay;
  const start = Math.max(asOf - c.ageDays, addMonthsDay(asOf, -18));
  const entries: DemoEntry[] = [];
  const settlements: DemoSettlement[] = [];
  const events: PaymentEvent[] = [];
  const invoices: DemoInvoice[] = [];
  const add = (kind: LedgerKind, posting: number, due: number | null, amount: bigint): DemoEntry => {
    const entry: DemoEntry = { kind, document: '', posting, due, amount };
    entries.push(entry);
    return entry;
  };
  const payDay = (day: number) => (c.batched ? day + ((5 - weekday(day) + 7) % 7) : businessDay(day, Infinity));

  const count = Math.max(1, Math.round(ctx.entryTarget / (c.batched ? 1.5 : 2.15)));
  const postings = Array.from({ length: count }, () => businessDay(rng.int(start, asOf), asOf)).sort((a, b) => a - b);
  const overdue = postings.map((p, k) => [p + c.termsDays, k] as const).filter(([due]) => due < asOf - 5);
  const unpaid = new Set(overdue.slice(Math.max(0, overdue.length - c.unpaidTail)).map(([, k]) => k));

  postings.forEach((posting, k) => {
    const due = posting + c.termsDays;
    const amount = fromUsdCents(rng.skewed(c.invoiceUsdCents[0], c.invoiceUsdCents[1]), c.currency);
    const invoice: DemoInvoice = { entry: add('invoice', posting, due, amount > 0n ? amount : 1n), open: 0n, closedOn: null };
    invoice.open = invoice.entry.amount;
    invoices.push(invoice);
    const settle = (credit: DemoEntry, value: bigint, day: number) => {
      settlements.push({ debit: invoice.entry, credit, amount: value, day });
      invoice.open -= value;
      if (invoice.open === 0n) invoice.closedOn = day;
    };

    const firstPay = payDay(Math.max(posting, due + paymentDelay(rng, c.payer)));
    const cnDay = rng.chance(0.05) ? businessDay(posting + rng.int(2, 40), asOf) : null;
    if (cnDay !== null && cnDay <= asOf) {
      const note = add('credit_note', cnDay, null, -share(invoice.open, rng.int(5, 30)));
      // A credit note issued after the invoice was paid stays open on account, as in real ledgers.
      if (unpaid.has(k) || cnDay <= firstPay) settle(note, -note.amount, cnDay);
    }
    if (unpaid.has(k)) return;

    const partial = rng.chance(c.payer === 'chronic' ? 0.3 : c.payer === 'late' ? 0.1 : 0.02);
    const group = (day: number) => (c.batched ? `${day}` : `${day}:${k}`);
    // A chronic payer sometimes never pays the rest of a short payment: old debt, or a write-off.
    const shortPaid = partial && c.payer === 'chronic' && rng.chance(0.35);
    const first = partial ? share(invoice.open, rng.int(30, 70)) : invoice.open;
    const parts: Array<[number, bigint]> = [[firstPay, first]];
    if (partial && !shortPaid) parts.push([payDay(firstPay + rng.int(14, 60)), invoice.open - first]);
    let paid = 0n;
    let lastDay = firstPay;
    for (const [day, value] of parts) {
      if (day > asOf) break;
      events.push({ group: group(day), day, debit: invoice.entry, amount: value });
      paid += value;
      lastDay = day;
    }
    const remaining = invoice.open - paid;
    if (remaining === 0n) invoice.closedOn = lastDay;

    const lateness = (remaining === 0n ? lastDay : asOf) - due;
    if (c.payer !== 'prompt' && lateness > 30 && rng.chance(c.payer === 'chronic' ? 0.5 : 0.25)) {
      const feeDay = businessDay(due + 31, asOf);
      if (feeDay <= asOf) {
        const fee = add('fee', feeDay, feeDay + 14, fromUsdCents(2500, c.currency));
        if (remaining === 0n && lastDay >= feeDay && rng.chance(0.5)) {
          events.push({ group: group(lastDay), day: lastDay, debit: fee, amount: fee.amount });
        }
      }
    }
    if (c.payer === 'chronic' && lateness > 60 && rng.chance(0.3) && due + 60 <= asOf) {
      const day = businessDay(due + 60, asOf);
      add('interest', day, day + 14, share(invoice.entry.amount, 1));
    }
    const writeOffDay = due + 365 + rng.int(0, 20);
    if (partial && paid > 0n && remaining > 0n && writeOffDay <= asOf && rng.chance(0.5)) {
      const writeOff = add('write_off', writeOffDay, null, -remaining);
      invoice.open = remaining;
      settle(writeOff, remaining, writeOffDay);
      return;
    }
    invoice.open = remaining;
  });

  buildPayments(events, settlements, add);
  if (c.onAccountPayment) {
    add('payment', businessDay(asOf - rng.int(1, 20), asOf), null, -fromUsdCents(rng.skewed(c.invoiceUsdCents[0], c.invoiceUsdCents[1]), c.currency));
  }
  number(entries, c.index, ctx.customers);
  const statuses = assignStatuses(rng, c, invoices, asOf);
  return { entries, settlements, statuses, balance: entries.reduce((sum, e) => sum + e.amount, 0n) };
}

/** One payment per group (a remittance run, or one invoice's payment day) settling its events. */
function buildPayments(
  events: PaymentEvent[], settlements: DemoSettlement[],
  add: (kind: LedgerKind, posting: number, due: number | null, amount: bigint) => DemoEntry,
): void {
  const groups = new Map<string, PaymentEvent[]>();
  for (const event of events) {
    const list = groups.get(event.group);
    if (list) list.push(event);
    else groups.set(event.group, [event]);
  }
  for (const list of groups.values()) {
    const day = (list[0] as PaymentEvent).day;
    const payment = add('payment', day, null, -list.reduce((sum, e) => sum + e.amount, 0n));
    for (const e of list) settlements.push({ debit: e.debit, credit: payment, amount: e.amount, day });
  }
}

/**
 * Document numbers look like one company-wide sequence per kind: the j-th document of a kind of
 * customer i is 100000 + i + customers × j, unique without knowing any other customer's ledger.
 */
function number(entries: DemoEntry[], index: number, customers: number): void {
  entries.sort((a, b) => a.posting - b.posting || (PREFIX[a.kind] < PREFIX[b.kind] ? -1 : PREFIX[a.kind] > PREFIX[b.kind] ? 1 : 0));
  const counters = new Map<LedgerKind, number>();
  for (const entry of entries) {
    const j = counters.get(entry.kind) ?? 0;
    counters.set(entry.kind, j + 1);
    entry.document = `${PREFIX[entry.kind]}-${100000 + index + customers * j}`;
  }
}
