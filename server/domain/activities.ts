// Activities as the rules see them: the enumerations (types, outcomes, statuses, Outlook sync
// states), defined once for the API schemas, the database types and the pane; an activity and the
// commands that log or change one; and the rules a command must meet before anything is written.
import { conflict, DomainError, invalidField, notFound, unprocessable } from './errors';
import type { CurrencyCode, IsoDate } from './types';

export const ACTIVITY_TYPES = ['call', 'task', 'appointment', 'event', 'note', 'email'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_OUTCOMES = ['reached', 'left_message', 'no_answer', 'promise_to_pay', 'dispute', 'wrong_contact'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

export const ACTIVITY_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Outlook calendar / To Do sync: not_configured when the server has no Graph access. */
export const ACTIVITY_SYNC_STATES = ['not_configured', 'pending', 'synced', 'failed'] as const;
export type ActivitySyncState = (typeof ACTIVITY_SYNC_STATES)[number];

/** One change to an activity, by the agent (source 'app') or in Outlook/To Do (source 'outlook'). */
export interface ActivityHistoryEntry {
  at: string;
  source: 'app' | 'outlook';
  actor: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  /** Set when a change lost to a later one (last change wins). */
  superseded?: boolean;
}

/** A logged activity. Its JSON form (instants as ISO strings) is also what the audit trail keeps. */
export interface ActivityRecord {
  id: string;
  customerId: string;
  type: ActivityType;
  purpose: string;
  outcome: ActivityOutcome | null;
  notes: string | null;
  contact: string | null;
  durationMinutes: number | null;
  startAt: Date | null;
  endAt: Date | null;
  dueAt: Date | null;
  followUpAt: Date | null;
  status: ActivityStatus;
  ownerAgentId: string;
  ledgerEntryIds: string[];
  createdAt: Date;
  updatedAt: Date;
  /** Raised by every change: an edit may name the version it read, and a stale one is refused. */
  version: number;
  /** The Outlook ids and the last sync error are present only once there are any. */
  sync: { state: ActivitySyncState; eventId?: string; taskId?: string; error?: string };
  history: ActivityHistoryEntry[];
  /** What a promise to pay said (null without one; absent on activities that cannot have one, e.g. letters). */
  promise?: ActivityPromise | null;
  /** What a dispute said. */
  dispute?: ActivityDispute | null;
}

/** An activity's promise as recorded (and corrected): by `date`, each transaction with its amount. */
export interface ActivityPromise {
  date: IsoDate;
  items: Array<{ transactionId: string; document: string; amount: bigint; currency: CurrencyCode }>;
}

/** An activity's dispute as recorded: the reason (its managed label, else the code) and the transactions. */
export interface ActivityDispute {
  reasonCode: string;
  reasonLabel: string;
  items: Array<{ transactionId: string; document: string }>;
}

/** A promise to pay: by `date`, each amount (minor units) in the currency of its transaction. */
export interface PromiseToPay {
  date: IsoDate;
  items: Array<{ transactionId: string; amount: bigint; currency: CurrencyCode }>;
}

export interface Dispute {
  reasonCode: string;
  transactionIds: string[];
}

/** The fields an agent edits; on a change, a field left undefined keeps its value. */
export interface ActivityFields {
  purpose?: string;
  outcome?: ActivityOutcome | null;
  notes?: string | null;
  contact?: string | null;
  durationMinutes?: number | null;
  startAt?: Date | null;
  endAt?: Date | null;
  dueAt?: Date | null;
  followUpAt?: Date | null;
}

export interface NewActivity extends ActivityFields {
  type: ActivityType;
  purpose: string;
  ledgerEntryIds?: string[];
  /** Required with outcome promise_to_pay, and only with it. */
  promise?: PromiseToPay;
  /** Required with outcome dispute, and only with it. */
  dispute?: Dispute;
}

/** An edit; status completed completes the activity, cancelled cancels it. */
export interface ActivityChange extends ActivityFields {
  status?: ActivityStatus;
  /** Corrects the recorded promise: its date, and the total promised (minor units). */
  promise?: { date?: IsoDate; amount?: bigint };
  /** Corrects the recorded dispute's reason. */
  dispute?: { reasonCode: string };
}

export function activityNotFound(id: string): DomainError {
  return notFound('activity_not_found', `No activity has the id '${id}'.`, { id });
}

/**
 * The start and end of a new activity once its outcome and times are checked: a call without a
 * start happened `now`; appointments and events need a start, tasks a due or follow-up date.
 */
export function scheduleOf(activity: NewActivity, now: Date): { startAt: Date | null; endAt: Date | null } {
  checkOutcome(activity);
  const startAt = activity.startAt ?? (activity.type === 'call' ? now : null);
  const endAt = activity.endAt ?? null;
  if ((activity.type === 'appointment' || activity.type === 'event') && !startAt) {
    throw invalidField('startAt', `is required for an ${activity.type}`);
  }
  if (activity.type === 'task' && !activity.dueAt && !activity.followUpAt) throw invalidField('dueAt', 'is required for a task');
  checkTimeOrder(startAt, endAt);
  return { startAt, endAt };
}

/** A promise or a dispute comes with its outcome, and each outcome with its details. */
function checkOutcome(activity: NewActivity): void {
  if (activity.outcome === 'promise_to_pay' && !activity.promise) {
    throw invalidField('promise', 'is required when the outcome is promise_to_pay');
  }
  if (activity.promise && activity.outcome !== 'promise_to_pay') {
    throw invalidField('promise', 'needs the outcome promise_to_pay', { field: 'outcome' });
  }
  if (activity.outcome === 'dispute' && !activity.dispute) throw invalidField('dispute', 'is required when the outcome is dispute');
  if (activity.dispute && activity.outcome !== 'dispute') throw invalidField('dispute', 'needs the outcome dispute', { field: 'outcome' });
}

export function checkTimeOrder(start: Date | null, end: Date | null): void {
  if (start && end && end < start) throw invalidField('endAt', "must not be before 'startAt'");
}

/**
 * An edit that names the version it read is refused once someone else changed the activity since:
 * 412 with the activity as it is now, so the agent sees the other change instead of overwriting it.
 */
export function checkVersion(current: ActivityRecord, expected: number | undefined): void {
  if (expected === undefined || current.version === expected) return;
  throw new DomainError(
    'precondition_failed',
    'activity_changed',
    `The activity was changed by someone else (now version ${current.version}, you read ${expected}): review its current values.`,
    { field: 'If-Match', current },
  );
}

/** A cancelled activity is final. */
export function checkChangeable(activity: { id: string; status: ActivityStatus }): void {
  if (activity.status === 'cancelled') throw conflict('activity_cancelled', 'A cancelled activity cannot be changed.', { id: activity.id });
}

/** A debit a promise or a dispute names, with what is open of it today. */
export interface OpenDebit {
  id: string;
  document: string;
  currency: CurrencyCode;
  open: bigint;
}

/** A promise is made for today or later. */
export function checkPromiseDate(promise: PromiseToPay, today: IsoDate): void {
  if (promise.date < today) {
    throw unprocessable('invalid_promise', `Field 'promise.date' must be today (${today}) or later.`, { field: 'promise.date' });
  }
}

/** Each named transaction is a debit of the customer with something still open. */
export function checkOpenDebits(ids: string[], found: ReadonlyMap<string, OpenDebit>, field: string): void {
  for (const id of ids) {
    const debit = found.get(id);
    if (!debit) throw unprocessable('invalid_request', `Field '${field}': ${id} is not an open invoice of this customer.`, { field, id });
    if (debit.open <= 0n) throw unprocessable('invalid_request', `Field '${field}': ${debit.document} is already settled.`, { field, id });
  }
}

/** The entries an activity refers to are the customer's own: another customer's id is refused, not stored. */
export function checkOwnEntries(ids: readonly string[], own: ReadonlySet<string>): void {
  for (const [index, id] of ids.entries()) {
    if (!own.has(id)) {
      const field = `ledgerEntryIds.${index}`;
      throw unprocessable('invalid_request', `Field '${field}': ${id} is not a ledger entry of this customer.`, { field, id });
    }
  }
}

/** Each item is in its transaction's currency, more than 0 and at most what is open of it. */
export function checkPromiseItems(promise: PromiseToPay, debits: ReadonlyMap<string, OpenDebit>): void {
  for (const [index, item] of promise.items.entries()) {
    const debit = debits.get(item.transactionId)!;
    if (item.currency !== debit.currency) {
      const field = `promise.items.${index}.currency`;
      throw unprocessable('invalid_promise', `Field '${field}' must be ${debit.currency}, the currency of ${debit.document}.`, { field });
    }
    if (item.amount <= 0n || item.amount > debit.open) {
      const field = `promise.items.${index}.amount`;
      throw unprocessable(
        'invalid_promise',
        `Field '${field}' must be more than 0 and at most the open amount of ${debit.document} (${debit.open} minor units).`,
        { field, open: Number(debit.open) },
      );
    }
  }
}
