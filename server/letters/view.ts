// The one template-data object both renderers (HTML and PDF) read: every text of the letter,
// already filled in and formatted for its language, so the two cannot disagree.
import { addDays } from '../domain/dates';
import type { LetterLine } from '../domain/letters';
import type { IsoDate, Money } from '../domain/types';
import { formatDate, formatInteger, formatMoney } from './format';
import { labelsFor, type LetterLabels } from './labels';
import { fillTemplate, paragraphs, withSalutation, type Placeholder } from './template-text';

/** Days after the letter date by which the letter asks for payment; the fee entry is due then too. */
export const PAY_WITHIN_DAYS = 14;

export interface LetterTemplate {
  subject: string;
  body: string;
  payment: string;
}

export interface LetterInput {
  language: string;
  number: string;
  letterDate: IsoDate;
  levelName: string;
  template: LetterTemplate;
  company: { name: string; addressLines: string[]; logoPath: string | null };
  customer: { name: string; account: string; addressLines: string[] };
  /** The customer's contact the letter greets by name; absent or null: the customer as a whole. */
  contact?: { name: string } | null;
  agent: { name: string; email: string };
  lines: readonly LetterLine[];
  totals: readonly Money[];
  fee: Money | null;
  oldestDaysOverdue: number;
  /** Aging of the whole open balance, in the accounting currency; `current` marks the not-yet-due bucket. */
  aging: ReadonlyArray<{ label: string; amount: bigint; current?: boolean }>;
  accountingCurrency: string;
}

export interface LetterView {
  language: string;
  labels: LetterLabels;
  number: string;
  date: string;
  subject: string;
  company: LetterInput['company'];
  customer: LetterInput['customer'];
  agent: LetterInput['agent'];
  /** Paragraphs of lines. */
  body: string[][];
  payment: string[][];
  lines: Array<{ document: string; documentDate: string; dueDate: string; daysOverdue: string; amount: string }>;
  totals: string[];
  fee: string | null;
  totalDue: string[];
  payBy: string;
  aging: Array<{ label: string; amount: string }>;
}

/** Totals per currency with the fee added to its currency. */
export function totalDue(totals: readonly Money[], fee: Money | null): Money[] {
  const sums = new Map(totals.map((t) => [t.currency, t.minor]));
  if (fee) sums.set(fee.currency, (sums.get(fee.currency) ?? 0n) + fee.minor);
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => ({ currency, minor }));
}

/** 'Dear Dana Whitfield,' for a named contact, else the language's greeting of the customer as a whole. */
function salutationOf(input: LetterInput, labels: LetterLabels): string {
  const contact = input.contact?.name.trim();
  if (contact) return labels.greeting.replace('{name}', () => contact);
  return labels.greetingNoContact.replace('{{customerName}}', () => input.customer.name);
}

export function buildLetterView(input: LetterInput): LetterView {
  const labels = labelsFor(input.language);
  const { locale } = labels;
  const money = (m: Money) => formatMoney(m, locale);
  const totals = input.totals.map(money);
  const due = totalDue(input.totals, input.fee).map(money);
  const payBy = formatDate(addDays(input.letterDate, PAY_WITHIN_DAYS), locale);
  const date = formatDate(input.letterDate, locale);
  const values: Record<Placeholder, string> = {
    customerName: input.customer.name,
    customerAccount: input.customer.account,
    letterNumber: input.number,
    letterDate: date,
    levelName: input.levelName,
    totalOverdue: totals.join(' + '),
    fee: input.fee ? money(input.fee) : money({ minor: 0n, currency: input.totals[0]?.currency ?? input.accountingCurrency }),
    totalDue: due.join(' + '),
    oldestDaysOverdue: formatInteger(input.oldestDaysOverdue, locale),
    payBy,
    companyName: input.company.name,
    agentName: input.agent.name,
    agentEmail: input.agent.email,
    contactName: input.contact?.name ?? input.customer.name,
    salutation: salutationOf(input, labels),
  };
  return {
    language: input.language,
    labels,
    number: input.number,
    date,
    subject: fillTemplate(input.template.subject, values).replace(/\s+/g, ' ').trim(),
    company: input.company,
    customer: input.customer,
    agent: input.agent,
    body: paragraphs(fillTemplate(withSalutation(input.template.body, labels.greetingNoContact), values)),
    payment: paragraphs(fillTemplate(input.template.payment, values)),
    lines: input.lines.map((line) => ({
      document: line.document,
      documentDate: formatDate(line.postingDate, locale),
      dueDate: formatDate(line.dueDate, locale),
      daysOverdue: formatInteger(line.daysOverdue, locale),
      amount: money({ minor: line.open, currency: line.currency }),
    })),
    totals,
    fee: input.fee ? money(input.fee) : null,
    totalDue: due,
    payBy,
    aging: input.aging.map((a) => ({ label: a.current ? labels.current : a.label, amount: money({ minor: a.amount, currency: input.accountingCurrency }) })),
  };
}
