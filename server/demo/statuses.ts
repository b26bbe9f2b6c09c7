// Collection statuses on a demo customer's invoices as of the as-of date: promises to pay (kept
// and broken), disputes with a reason, and disputes resolved once paid. ledger.csv has no columns
// for them, so loadDemo applies them after the import.
import type { CollectionStatus } from '../domain/types';
import type { DemoCustomer } from './customers';
import type { DemoEntry, DemoInvoice } from './entries';
import { DISPUTE_REASONS } from './names';
import type { Rng } from './prng';

export interface DemoStatus {
  entry: DemoEntry;
  status: CollectionStatus;
  statusDay: number;
  promiseDay: number | null;
  promiseAmount: bigint | null;
  reason: string | null;
}

function take<T>(rng: Rng, items: T[]): T | undefined {
  if (items.length === 0) return undefined;
  return items.splice(rng.int(0, items.length - 1), 1)[0];
}

export function assignStatuses(rng: Rng, c: DemoCustomer, invoices: DemoInvoice[], asOf: number): DemoStatus[] {
  const open = invoices.filter((i) => i.open > 0n);
  const overdue = open.filter((i) => (i.entry.due as number) < asOf);
  const longOverdue = overdue.filter((i) => (i.entry.due as number) <= asOf - 20);
  const closed = invoices.filter((i) => i.closedOn !== null);
  const forced = new Set(c.statuses);
  const statuses: DemoStatus[] = [];
  const used = new Set<DemoInvoice>();
  const choose = (pool: DemoInvoice[]) => take(rng, pool.filter((i) => !used.has(i)));

  const wantDispute = forced.has('dispute') || rng.chance(0.08);
  const wantPromise = forced.has('promise') || (c.payer !== 'prompt' && rng.chance(0.3));
  const wantBroken = forced.has('broken') || rng.chance(c.payer === 'chronic' ? 0.3 : c.payer === 'late' ? 0.1 : 0);
  const wantResolved = rng.chance(0.06);

  const dispute = wantDispute ? choose(overdue.length > 0 ? overdue : open) : undefined;
  if (dispute) {
    used.add(dispute);
    statuses.push({
      entry: dispute.entry, status: 'disputed', statusDay: Math.min(asOf, dispute.entry.posting + rng.int(5, 25)),
      promiseDay: null, promiseAmount: null,
      // A forced dispute is the price query the preview mailbox writes about.
      reason: forced.has('dispute') ? DISPUTE_REASONS[0] : rng.pick(DISPUTE_REASONS),
    });
  }
  const broken = wantBroken ? choose(longOverdue) : undefined;
  if (broken) {
    used.add(broken);
    const statusDay = Math.max(broken.entry.posting + 1, asOf - rng.int(20, 45));
    statuses.push({
      entry: broken.entry, status: 'promise_broken', statusDay,
      promiseDay: Math.min(statusDay + rng.int(5, 12), asOf - 1), promiseAmount: broken.open, reason: null,
    });
  }
  const promise = wantPromise ? choose(overdue) : undefined;
  if (promise) {
    used.add(promise);
    statuses.push({
      entry: promise.entry, status: 'promise_to_pay', statusDay: Math.max(promise.entry.posting, asOf - rng.int(0, 5)),
      promiseDay: asOf + rng.int(2, 14), promiseAmount: promise.open, reason: null,
    });
  }
  const resolved = wantResolved ? choose(closed) : undefined;
  if (resolved) {
    statuses.push({
      entry: resolved.entry, status: 'resolved', statusDay: resolved.closedOn as number,
      promiseDay: null, promiseAmount: null, reason: rng.pick(DISPUTE_REASONS),
    });
  }
  return statuses;
}
