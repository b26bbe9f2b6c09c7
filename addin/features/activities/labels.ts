// What the agent reads for each activity type, call outcome, dispute reason and Outlook sync state,
// in the pane's language (the message catalog's 'activities' group).
import type { ActivityOutcome, ActivityStatus, ActivitySyncState, ActivityType } from '../../../server/http/schemas/activities';
import { translate } from '../../i18n';

/** The types an agent logs from the pane ('email' activities come from elsewhere). */
export const LOGGABLE_TYPES = ['call', 'appointment', 'task', 'event', 'note'] as const;
export type LoggableType = (typeof LOGGABLE_TYPES)[number];

export const ACTIVITY_TYPES: readonly ActivityType[] = [...LOGGABLE_TYPES, 'email'];
export const STATUSES: readonly ActivityStatus[] = ['open', 'completed', 'cancelled'];
export const SYNC_STATES: readonly ActivitySyncState[] = ['not_configured', 'pending', 'synced', 'failed'];

/** An activity type's name: 'Call', 'Anruf'. */
export function typeName(type: ActivityType, locale: string): string {
  return translate(locale, `activities.type.${type}`);
}

/** "Log call": the action that logs an activity of the type. */
export function logTypeText(type: LoggableType, locale: string): string {
  return translate(locale, `activities.log.${type}`);
}

/** The default title of a new activity of each type. */
export function defaultPurpose(type: LoggableType, locale: string): string {
  return translate(locale, `activities.defaultPurpose.${type}`);
}

/** The call outcomes in the order the log dialog offers them. */
export const OUTCOMES: readonly ActivityOutcome[] = ['reached', 'left_message', 'no_answer', 'promise_to_pay', 'dispute', 'wrong_contact'];

/** An outcome's name (English unless a locale is given); null for none. */
export function outcomeLabel(outcome: ActivityOutcome | null, locale: string): string | null {
  return outcome && OUTCOMES.includes(outcome) ? translate(locale, `activities.outcome.${outcome}`) : null;
}

/** Reason codes stored on a disputed transaction (the ledger keeps the code). */
export const DISPUTE_REASONS = ['price', 'damaged', 'quantity', 'wrong_entity', 'duplicate', 'service', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** The name of one of the pane's dispute reasons. */
export function disputeReasonName(code: DisputeReason, locale: string): string {
  return translate(locale, `activities.disputeReason.${code === 'other' ? 'otherSeeNotes' : code}`);
}

/** The pane's own name of a dispute reason code; undefined for a code outside its list. */
export function disputeReasonLabel(code: string, locale: string): string | undefined {
  return (DISPUTE_REASONS as readonly string[]).includes(code) ? disputeReasonName(code as DisputeReason, locale) : undefined;
}

export function statusName(status: ActivityStatus, locale: string): string {
  return translate(locale, `activities.status.${status}`);
}

export function syncName(state: ActivitySyncState, locale: string): string {
  return translate(locale, `activities.sync.${state}`);
}

