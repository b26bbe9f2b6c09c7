// Correcting what an activity recorded: its outcome, its promise's date and amount, its dispute's
// reason. The rules an edit meets before anything is written, and the corrected promise (a new total
// spread over the promise's transactions in the order they were named, each up to what is open).
import type { ActivityChange, ActivityDispute, ActivityOutcome, ActivityPromise } from './activities';
import { unprocessable } from './errors';
import type { IsoDate } from './types';

/** What an edit sees of the activity: its outcome, its recorded promise and dispute, its day. */
export interface CommitmentState {
  outcome: ActivityOutcome | null;
  promise: ActivityPromise | null;
  dispute: ActivityDispute | null;
  /** The day the activity happened (or was logged): a promise cannot be dated before it. */
  day: IsoDate;
}

/** The promise and dispute after an edit (null: withdrawn, or never recorded). */
export interface CorrectedCommitment {
  promise: ActivityPromise | null;
  dispute: ActivityDispute | null;
}

const refuse = (field: string, problem: string, details: Record<string, unknown> = {}) =>
  unprocessable(field.startsWith('promise') ? 'invalid_promise' : 'invalid_request', `Field '${field}' ${problem}.`, { field, ...details });

/**
 * The commitment an edit leaves. An outcome changed away from promise to pay (or dispute) withdraws
 * the promise (or dispute); one changed to them needs a recorded one, which only logging the call
 * with its transactions makes. `open` is what is open today of each transaction (minor units).
 */
export function correctCommitment(
  state: CommitmentState,
  change: Pick<ActivityChange, 'outcome' | 'promise' | 'dispute'>,
  open: ReadonlyMap<string, bigint>,
  reasonLabel: (code: string) => string | null,
): CorrectedCommitment {
  const outcome = change.outcome === undefined ? state.outcome : change.outcome;
  if (outcome === 'promise_to_pay' && !state.promise) {
    throw refuse('outcome', 'cannot become promise_to_pay here: log the call with the promise and its transactions');
  }
  if (outcome === 'dispute' && !state.dispute) {
    throw refuse('outcome', 'cannot become dispute here: log the call with the dispute and its transactions');
  }
  if (change.promise && outcome !== 'promise_to_pay') throw refuse('promise', 'needs the outcome promise_to_pay');
  if (change.dispute && outcome !== 'dispute') throw refuse('dispute', 'needs the outcome dispute');
  const promise = outcome === 'promise_to_pay' ? correctPromise(state.promise!, change.promise ?? {}, state.day, open) : null;
  let dispute = outcome === 'dispute' ? state.dispute : null;
  if (dispute && change.dispute && change.dispute.reasonCode !== dispute.reasonCode) {
    const label = reasonLabel(change.dispute.reasonCode);
    if (label === null) throw refuse('dispute.reasonCode', `has '${change.dispute.reasonCode}', which is not an active dispute reason code`);
    dispute = { ...dispute, reasonCode: change.dispute.reasonCode, reasonLabel: label };
  }
  return { promise, dispute };
}

function correctPromise(promise: ActivityPromise, change: { date?: IsoDate; amount?: bigint }, day: IsoDate, open: ReadonlyMap<string, bigint>): ActivityPromise {
  if (change.date !== undefined && change.date !== promise.date && change.date < day) {
    throw refuse('promise.date', `must not be before the activity (${day})`);
  }
  const date = change.date ?? promise.date;
  if (change.amount === undefined || change.amount === totalOf(promise)) return { ...promise, date };
  if (change.amount <= 0n) throw refuse('promise.amount', 'must be more than 0');
  const currencies = new Set(promise.items.map((i) => i.currency));
  if (currencies.size > 1) throw refuse('promise.amount', `cannot total a promise in several currencies (${[...currencies].join(', ')})`);
  // What the promise's transactions still have open, or what was promised of one since settled.
  const room = promise.items.map((i) => open.get(i.transactionId) ?? 0n);
  const available = room.reduce((sum, r) => sum + r, 0n);
  if (change.amount > available) {
    throw refuse('promise.amount', `must be at most what is open of the promise's transactions (${available} minor units)`, { open: Number(available) });
  }
  let left = change.amount;
  const items: ActivityPromise['items'] = [];
  for (const [index, item] of promise.items.entries()) {
    const amount = left < room[index]! ? left : room[index]!;
    if (amount > 0n) items.push({ ...item, amount });
    left -= amount;
  }
  return { date, items };
}

export function totalOf(promise: ActivityPromise): bigint {
  return promise.items.reduce((sum, i) => sum + i.amount, 0n);
}
