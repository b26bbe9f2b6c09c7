// Pure builders of the Graph bodies for an activity: the calendar event (category "Collections",
// HTML body with customer, outcome, notes and a link back) and the To Do follow-up task.
import type { ActivityStatus, ActivityType } from '../domain/activities';

export interface SyncActivity {
  id: string;
  type: ActivityType;
  purpose: string;
  outcome: string | null;
  notes: string | null;
  contact: string | null;
  durationMinutes: number | null;
  startAt: Date | null;
  endAt: Date | null;
  dueAt: Date | null;
  followUpAt: Date | null;
  status: ActivityStatus;
  customer: { id: string; account: string; name: string };
}

export const CATEGORY = 'Collections';
export const TASK_LIST_NAME = 'Collections';
export const APPLICATION_NAME = 'Collections for Outlook';
const DEFAULT_EVENT_MINUTES = 30;

const TYPE_LABEL: Record<SyncActivity['type'], string> = {
  call: 'Call', task: 'Task', appointment: 'Appointment', event: 'Event', note: 'Note', email: 'Email',
};
const OUTCOME_LABEL: Record<string, string> = {
  reached: 'Reached', left_message: 'Left message', no_answer: 'No answer',
  promise_to_pay: 'Promise to pay', dispute: 'Dispute', wrong_contact: 'Wrong contact',
};

/** Calls, appointments and events land in the calendar. */
export function wantsEvent(a: SyncActivity): boolean {
  return a.status !== 'cancelled' && ['call', 'appointment', 'event'].includes(a.type) && a.startAt !== null;
}

/** A follow-up date, or a task's due date, becomes a To Do task. */
export function wantsTask(a: SyncActivity): boolean {
  return a.status !== 'cancelled' && taskDue(a) !== null;
}

function taskDue(a: SyncActivity): Date | null {
  return a.followUpAt ?? (a.type === 'task' ? a.dueAt : null);
}

/** Graph's dateTimeTimeZone in UTC, the zone we write and ask Graph to answer in. */
export function utc(instant: Date): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: instant.toISOString().replace('Z', ''), timeZone: 'UTC' };
}

/** The calendar slot of an activity: its end, else its start plus its duration (or half an hour). */
export function eventEnd(start: Date, end: Date | null, durationMinutes: number | null): Date {
  return end ?? new Date(start.getTime() + (durationMinutes || DEFAULT_EVENT_MINUTES) * 60_000);
}

export function eventBody(a: SyncActivity, customerUrl: string, transactionId?: string): Record<string, unknown> {
  const start = a.startAt!;
  const end = eventEnd(start, a.endAt, a.durationMinutes);
  return {
    subject: `${TYPE_LABEL[a.type]}: ${a.customer.name}${a.purpose ? ` · ${a.purpose}` : ''}`,
    body: { contentType: 'html', content: describeHtml(a, customerUrl) },
    start: utc(start),
    end: utc(end),
    categories: [CATEGORY],
    isReminderOn: false,
    showAs: 'free',
    ...(transactionId ? { transactionId } : {}),
  };
}

export function taskBody(a: SyncActivity, customerUrl: string, opts: { withLink: boolean }): Record<string, unknown> {
  const due = taskDue(a)!;
  return {
    title: `Follow up: ${a.customer.name}${a.purpose ? ` · ${a.purpose}` : ''}`,
    body: { contentType: 'html', content: describeHtml(a, customerUrl) },
    dueDateTime: utc(startOfUtcDay(due)),
    reminderDateTime: utc(due),
    isReminderOn: a.status === 'open',
    status: a.status === 'completed' ? 'completed' : 'notStarted',
    categories: [CATEGORY],
    ...(opts.withLink ? { linkedResources: [linkedResource(a, customerUrl)] } : {}),
  };
}

export function linkedResource(a: SyncActivity, customerUrl: string): Record<string, string> {
  return {
    webUrl: linkTo(a, customerUrl),
    applicationName: APPLICATION_NAME,
    displayName: `${a.customer.account} · ${a.customer.name}`,
    externalId: a.id,
  };
}

function linkTo(a: SyncActivity, customerUrl: string): string {
  return customerUrl.replace('{id}', encodeURIComponent(a.customer.id));
}

function describeHtml(a: SyncActivity, customerUrl: string): string {
  const rows: Array<[string, string | null]> = [
    ['Customer', `${a.customer.account} · ${a.customer.name}`],
    ['Outcome', a.outcome ? (OUTCOME_LABEL[a.outcome] ?? a.outcome) : null],
    ['Contact', a.contact],
    ['Notes', a.notes],
  ];
  const items = rows
    .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
    .map(([label, value]) => `<p><b>${label}:</b> ${escapeHtml(value).replaceAll('\n', '<br>')}</p>`);
  items.push(`<p><a href="${escapeHtml(linkTo(a, customerUrl))}">Open ${escapeHtml(a.customer.name)} in Collections</a></p>`);
  return items.join('');
}

function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Reads Graph's dateTimeTimeZone back (we ask for UTC with Prefer: outlook.timezone). */
export function fromUtc(value: { dateTime?: string; timeZone?: string | null } | null | undefined): Date | null {
  if (!value?.dateTime) return null;
  const zone = value.timeZone ?? 'UTC';
  if (zone !== 'UTC' && zone !== 'Etc/UTC') return null;
  return new Date(`${value.dateTime.replace(/Z$/, '')}Z`);
}
