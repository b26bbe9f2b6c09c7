// The worklist's priority of a customer on a date: overdue weighted by age, raised by broken
// promises, disputes, time since the last contact and a follow-up that is due; customers on hold
// sink below everyone else. Whole-number arithmetic only, so the SQL that sorts the worklist
// (server/db/repositories/worklist.ts) computes exactly the same number. Documented in
// docs/domain-rules.md, "Worklist priority".
import { daysBetween } from '../dates';
import type { IsoDate } from '../types';

export const PRIORITY = {
  /** Each this many days an amount has been overdue count it once more. */
  ageDays: 30,
  /** Percentages added to 100 to make the multiplier of the weighted overdue. */
  brokenPromisePercent: 50,
  disputePercent: 25,
  followUpPercent: 25,
  /** One percent per this many days since the last contact, up to contactCapDays (never: the cap). */
  contactDaysPerPercent: 3,
  contactCapDays: 90,
  /** Small whole points added after the multiplier, which order customers with nothing overdue. */
  followUpPoints: 3,
  brokenPromisePoints: 2,
  disputePoints: 1,
  /** Every customer on hold has this priority, below any other (which is never negative). */
  onHold: -1,
  /** The priority is a JSON number: it stops growing here. */
  max: BigInt(Number.MAX_SAFE_INTEGER),
} as const;

export interface PriorityInput {
  /** Overdue accounting amount leaving out what is held (0 when the customer is held). */
  urgentOverdue: bigint;
  /** Σ open accounting amount × days overdue over the same debits as urgentOverdue. */
  urgentOverdueDays: bigint;
  /** Open transactions with a broken promise to pay, and in dispute. */
  brokenPromises: number;
  disputes: number;
  /** Date of the latest activity (in the company's time zone); null: never contacted. */
  lastContactOn: IsoDate | null;
  /** Earliest follow-up date of the open activities; null: none. */
  nextFollowUpOn: IsoDate | null;
  /** A customer-level hold is in force. */
  onHold: boolean;
}

/** Floor division of whole numbers (BigInt's `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** The age-weighted overdue: each amount counts once, plus once per ageDays it has been overdue. */
export function weightedOverdue(input: Pick<PriorityInput, 'urgentOverdue' | 'urgentOverdueDays'>): bigint {
  const weighted = input.urgentOverdue + floorDiv(input.urgentOverdueDays, BigInt(PRIORITY.ageDays));
  return weighted > 0n ? weighted : 0n;
}

/** Percent points for the time since the last contact (0 today, the cap when never). */
export function contactPercent(lastContactOn: IsoDate | null, asOf: IsoDate): number {
  const days = lastContactOn === null ? PRIORITY.contactCapDays : Math.min(Math.max(daysBetween(lastContactOn, asOf), 0), PRIORITY.contactCapDays);
  return Math.floor(days / PRIORITY.contactDaysPerPercent);
}

/** The customer's priority on `asOf`: higher is more urgent; -1 for a customer on hold. */
export function priorityOf(input: PriorityInput, asOf: IsoDate): number {
  if (input.onHold) return PRIORITY.onHold;
  const broken = input.brokenPromises > 0;
  const disputed = input.disputes > 0;
  const followUpDue = input.nextFollowUpOn !== null && input.nextFollowUpOn <= asOf;
  const percent =
    100 +
    (broken ? PRIORITY.brokenPromisePercent : 0) +
    (disputed ? PRIORITY.disputePercent : 0) +
    (followUpDue ? PRIORITY.followUpPercent : 0) +
    contactPercent(input.lastContactOn, asOf);
  const points =
    (followUpDue ? PRIORITY.followUpPoints : 0) + (broken ? PRIORITY.brokenPromisePoints : 0) + (disputed ? PRIORITY.disputePoints : 0);
  const priority = (weightedOverdue(input) * BigInt(percent)) / 100n + BigInt(points);
  return Number(priority < PRIORITY.max ? priority : PRIORITY.max);
}

/** The worklist's order: higher priority first, then by account (unique), so the order is total. */
export function worklistOrder(a: { priority: number; account: string }, b: { priority: number; account: string }): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.account < b.account ? -1 : a.account > b.account ? 1 : 0;
}
