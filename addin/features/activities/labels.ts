// What the agent reads for each activity type, call outcome, dispute reason and Outlook sync state.
import type { ActivityOutcome, ActivityStatus, ActivitySyncState, ActivityType } from '../../../server/http/schemas/activities';

/** The types an agent logs from the pane ('email' activities come from elsewhere). */
export const LOGGABLE_TYPES = ['call', 'appointment', 'task', 'event', 'note'] as const;
export type LoggableType = (typeof LOGGABLE_TYPES)[number];

export const typeLabel: Record<ActivityType, string> = {
  call: 'Call',
  appointment: 'Appointment',
  task: 'Task',
  event: 'Event',
  note: 'Note',
  email: 'Email',
};

/** The default title of a new activity of each type. */
export const defaultPurpose: Record<LoggableType, string> = {
  call: 'Collection call',
  appointment: 'Meeting about the open balance',
  task: 'Follow up on the open balance',
  event: 'Collections event',
  note: 'Note',
};

export const OUTCOMES: ReadonlyArray<{ value: ActivityOutcome; label: string }> = [
  { value: 'reached', label: 'Reached' },
  { value: 'left_message', label: 'Left message' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'promise_to_pay', label: 'Promise to pay' },
  { value: 'dispute', label: 'Dispute' },
  { value: 'wrong_contact', label: 'Wrong contact' },
];

export function outcomeLabel(outcome: ActivityOutcome | null): string | null {
  return OUTCOMES.find((o) => o.value === outcome)?.label ?? null;
}

/** Reason codes stored on a disputed transaction (the ledger keeps the code). */
export const DISPUTE_REASONS: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'price', label: 'Price differs from the agreement' },
  { code: 'damaged', label: 'Goods damaged' },
  { code: 'quantity', label: 'Quantity short or not delivered' },
  { code: 'wrong_entity', label: 'Billed to the wrong entity' },
  { code: 'duplicate', label: 'Duplicate billing' },
  { code: 'service', label: 'Service not completed' },
  { code: 'other', label: 'Other (see notes)' },
];

export const statusLabel: Record<ActivityStatus, string> = { open: 'Open', completed: 'Completed', cancelled: 'Cancelled' };

export const syncLabel: Record<ActivitySyncState, string> = {
  not_configured: 'Not synced to Outlook',
  pending: 'Syncing to Outlook',
  synced: 'In Outlook',
  failed: 'Outlook sync failed',
};
