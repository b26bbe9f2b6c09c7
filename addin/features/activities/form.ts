// The log-activity form as plain data, and the request it becomes: every field checked with a
// message the form shows beside it (in the pane's language), amounts parsed in each transaction's currency.
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ActivityOutcome, CreateActivityRequest } from '../../../server/http/schemas/activities';
import { translate } from '../../i18n';
import { formatMoney, fractionDigits, minorToDecimal } from '../../ui/format';
import { parseAmount } from './amount';
import type { LoggableType } from './labels';

export interface ActivityForm {
  type: LoggableType;
  purpose: string;
  /** Calls only. */
  outcome: ActivityOutcome | null;
  notes: string;
  contact: string;
  /** Minutes, as typed. */
  duration: string;
  /** Appointments and events: when it starts ('YYYY-MM-DD', 'HH:MM' in the agent's time zone). */
  startDate: string;
  startTime: string;
  /** Tasks: when it is due. */
  dueDate: string;
  followUpDate: string;
  followUpTime: string;
  promiseDate: string;
  /** Promise to pay: the chosen transactions and the amount promised for each, as typed. */
  promised: Record<string, string>;
  disputeReason: string;
  disputed: string[];
}

export type FormErrors = Partial<Record<'purpose' | 'duration' | 'start' | 'due' | 'followUp' | 'promiseDate' | 'promised' | 'disputeReason' | 'dispute', string>> & {
  /** Per transaction id: what is wrong with its promised amount. */
  amounts?: Record<string, string>;
};

export type BuildResult = { ok: true; body: CreateActivityRequest } | { ok: false; errors: FormErrors };

const DEFAULT_TIME = '09:00';

export function emptyForm(type: LoggableType, purpose: string, contact: string): ActivityForm {
  return {
    type, purpose, outcome: null, notes: '', contact, duration: '', startDate: '', startTime: '', dueDate: '',
    followUpDate: '', followUpTime: '', promiseDate: '', promised: {}, disputeReason: '', disputed: [],
  };
}

/** A local date and time as a UTC instant (ISO 8601); time defaults to the start of the working day. */
export function localInstant(date: string, time: string): string {
  return new Date(`${date}T${time || DEFAULT_TIME}:00`).toISOString();
}

/** Minor units → the plain decimal an amount field starts with (exact; no float). */
export function decimalOf(minor: number, currency: string): string {
  return minorToDecimal(minor, fractionDigits(currency));
}

/** `today` is the agent's calendar date ('YYYY-MM-DD'); promises cannot be dated before it. */
export function buildRequest(form: ActivityForm, open: readonly TransactionItem[], locale: string, today: string): BuildResult {
  const errors: FormErrors = {};
  const purpose = form.purpose.trim();
  if (!purpose) errors.purpose = translate(locale, 'activities.errors.purpose');
  const body: CreateActivityRequest = { type: form.type, purpose };
  if (form.notes.trim()) body.notes = form.notes.trim();
  if (form.contact.trim()) body.contact = form.contact.trim();

  if (form.duration.trim()) {
    const minutes = /^\d{1,4}$/.test(form.duration.trim()) ? Number(form.duration.trim()) : NaN;
    if (!(minutes <= 1440)) errors.duration = translate(locale, 'activities.errors.duration');
    else body.durationMinutes = minutes;
  }
  if (form.type === 'appointment' || form.type === 'event') {
    if (!form.startDate) errors.start = translate(locale, 'activities.errors.start');
    else body.startAt = localInstant(form.startDate, form.startTime);
  }
  if (form.type === 'task') {
    if (!form.dueDate) errors.due = translate(locale, 'activities.errors.due');
    else body.dueAt = localInstant(form.dueDate, '17:00');
  }
  if (form.followUpDate) body.followUpAt = localInstant(form.followUpDate, form.followUpTime);
  else if (form.followUpTime) errors.followUp = translate(locale, 'activities.errors.followUp');

  if (form.type === 'call' && form.outcome) {
    body.outcome = form.outcome;
    if (form.outcome === 'promise_to_pay') buildPromise(form, open, locale, today, body, errors);
    if (form.outcome === 'dispute') {
      if (!form.disputeReason) errors.disputeReason = translate(locale, 'activities.errors.disputeReason');
      if (form.disputed.length === 0) errors.dispute = translate(locale, 'activities.errors.dispute');
      if (form.disputeReason && form.disputed.length > 0) body.dispute = { reasonCode: form.disputeReason, transactionIds: [...form.disputed] };
    }
  }
  const failed = Object.keys(errors).length > 0;
  return failed ? { ok: false, errors } : { ok: true, body };
}

function buildPromise(form: ActivityForm, open: readonly TransactionItem[], locale: string, today: string, body: CreateActivityRequest, errors: FormErrors): void {
  if (!form.promiseDate) errors.promiseDate = translate(locale, 'activities.errors.promiseDate');
  else if (form.promiseDate < today) errors.promiseDate = translate(locale, 'activities.errors.promisePast');
  const chosen = open.filter((t) => t.id in form.promised);
  if (chosen.length === 0) {
    errors.promised = translate(locale, 'activities.errors.promised');
    return;
  }
  const amounts: Record<string, string> = {};
  const items: NonNullable<CreateActivityRequest['promise']>['items'] = [];
  for (const t of chosen) {
    const parsed = parseAmount(form.promised[t.id] ?? '', fractionDigits(t.currency), locale);
    if (!parsed.ok) amounts[t.id] = parsed.message;
    else if (parsed.minor <= 0n) amounts[t.id] = translate(locale, 'activities.errors.positive');
    else if (parsed.minor > BigInt(t.open)) amounts[t.id] = translate(locale, 'activities.errors.atMostOpen', { amount: formatMoney(t.open, t.currency, locale) });
    // Bounded by the open amount, which the server sent as a safe integer.
    else items.push({ transactionId: t.id, amount: Number(parsed.minor), currency: t.currency });
  }
  if (Object.keys(amounts).length > 0) errors.amounts = amounts;
  else if (form.promiseDate) body.promise = { date: form.promiseDate, items };
}

/** The calendar date of an instant (default now) in the agent's own time zone. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
