// An interest note as a printed document: the collection letter's view filled with the note's
// words and lines, rendered by the letters' own HTML (Eta) and PDF (pdfkit) renderers, so a note
// looks like a letter and prints the same way. Stored as rendered; reprints never re-render.
import type { LetterSettings } from '../config';
import { addDays } from '../domain/dates';
import type { InterestCode, InterestNoteProposal, InterestPeriod } from '../domain/interest';
import type { IsoDate, Money } from '../domain/types';
import { formatDate, formatInteger, formatMoney } from '../letters/format';
import { renderLetterHtml } from '../letters/html';
import { labelsFor, type LetterLabels } from '../letters/labels';
import { renderLetterPdf } from '../letters/pdf';
import { MAX_INLINE_ATTACHMENT_BYTES, type RenderedLetter } from '../letters/render';
import { paragraphs } from '../letters/template-text';
import { PAY_WITHIN_DAYS, type LetterView } from '../letters/view';

export const INTEREST_NOTE_PAY_WITHIN_DAYS = PAY_WITHIN_DAYS;

interface NoteWords {
  labels: Partial<LetterLabels>;
  per: Record<InterestPeriod, string>;
  subject: (number: string, customer: string) => string;
  body: (v: { customer: string; rate: string; grace: string; asOf: string; total: string; number: string; agent: string }) => string;
  payment: (v: { account: string; number: string }) => string;
  terms: { code: string; rate: string; grace: string; minimum: string };
}

const WORDS: Record<string, NoteWords> = {
  en: {
    labels: {
      letter: 'Interest note', overdueItems: 'Interest charged', documentDate: 'Open amount', dueDate: 'Rate', daysOverdue: 'Days',
      openAmount: 'Interest', totalOverdue: 'Total interest', aging: 'Interest terms',
    },
    per: { month: 'a month', year: 'a year' },
    subject: (number, customer) => `Interest note ${number}: ${customer}`,
    body: (v) =>
      `Dear ${v.customer},\n\nThe items below are overdue. As agreed in our terms, interest of ${v.rate} is charged ` +
      `for each day an item was overdue (after ${v.grace} days of grace) up to ${v.asOf}.\n\n` +
      `The interest of ${v.total} has been added to your account as ${v.number}.\n\nKind regards,\n${v.agent}`,
    payment: (v) => `Please pay by bank transfer quoting your account ${v.account} and interest note ${v.number}.`,
    terms: { code: 'Interest code', rate: 'Rate', grace: 'Grace days', minimum: 'Minimum charge' },
  },
  de: {
    labels: {
      letter: 'Zinsrechnung', overdueItems: 'Berechnete Zinsen', documentDate: 'Offener Betrag', dueDate: 'Zinssatz', daysOverdue: 'Tage',
      openAmount: 'Zinsen', totalOverdue: 'Summe Zinsen', aging: 'Zinsbedingungen',
    },
    per: { month: 'pro Monat', year: 'pro Jahr' },
    subject: (number, customer) => `Zinsrechnung ${number}: ${customer}`,
    body: (v) =>
      `Sehr geehrte Damen und Herren,\n\nfür die folgenden Posten berechnen wir gemäß unseren Bedingungen Zinsen von ${v.rate} für jeden Tag ` +
      `der Überfälligkeit (nach ${v.grace} Tagen Karenz) bis zum ${v.asOf}.\n\nDie Zinsen von ${v.total} wurden Ihrem Konto als ${v.number} belastet.` +
      `\n\nMit freundlichen Grüßen\n${v.agent}`,
    payment: (v) => `Bitte überweisen Sie den Betrag unter Angabe Ihrer Kundennummer ${v.account} und der Zinsrechnung ${v.number}.`,
    terms: { code: 'Zinsschlüssel', rate: 'Zinssatz', grace: 'Karenztage', minimum: 'Mindestbetrag' },
  },
};

export const INTEREST_NOTE_LANGUAGES = Object.keys(WORDS);

/** Basis points as a percentage with two decimals in the locale's notation, never through a float. */
export function formatRate(rateBp: number, period: InterestPeriod, language: string): string {
  const words = WORDS[language] ?? WORDS.en!;
  const digits = `${Math.floor(rateBp / 100)}.${String(rateBp % 100).padStart(2, '0')}`;
  const number = new Intl.NumberFormat(labelsFor(language).locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(digits as `${number}`);
  return `${number} % ${words.per[period]}`;
}

export interface InterestNoteInput {
  language: string;
  number: string;
  asOf: IsoDate;
  code: InterestCode;
  note: InterestNoteProposal;
  company: LetterSettings;
  customer: { name: string; account: string; postalAddress: string | null };
  agent: { name: string | null; email: string };
}

export function interestNoteView(input: InterestNoteInput): LetterView {
  const language = WORDS[input.language] ? input.language : 'en';
  const words = WORDS[language]!;
  const labels: LetterLabels = { ...labelsFor(language), ...words.labels };
  const { locale } = labels;
  const money = (m: Money) => formatMoney(m, locale);
  const date = (d: IsoDate) => formatDate(d, locale);
  const rate = formatRate(input.code.rateBp, input.code.period, language);
  const total = money({ minor: input.note.total, currency: input.note.currency });
  const agent = input.agent.name ?? input.agent.email;
  return {
    language,
    labels,
    number: input.number,
    date: date(input.asOf),
    subject: words.subject(input.number, input.customer.name),
    company: { name: input.company.companyName, addressLines: input.company.companyAddress, logoPath: input.company.logoPath },
    customer: {
      name: input.customer.name,
      account: input.customer.account,
      addressLines: (input.customer.postalAddress ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''),
    },
    agent: { name: agent, email: input.agent.email },
    body: paragraphs(words.body({ customer: input.customer.name, rate, grace: formatInteger(input.code.graceDays, locale), asOf: date(input.asOf), total, number: input.number, agent })),
    payment: paragraphs(words.payment({ account: input.customer.account, number: input.number })),
    lines: input.note.lines.map((l) => ({
      document: `${l.document} · ${date(l.from)} – ${date(l.to)}`,
      documentDate: money({ minor: l.base, currency: l.currency }),
      dueDate: formatRate(l.rateBp, l.period, language),
      daysOverdue: formatInteger(l.days, locale),
      amount: money({ minor: l.interest, currency: l.currency }),
    })),
    totals: [total],
    fee: null,
    totalDue: [],
    payBy: date(addDays(input.asOf, INTEREST_NOTE_PAY_WITHIN_DAYS)),
    aging: [
      { label: words.terms.code, amount: `${input.code.code} · ${input.code.description}` },
      { label: words.terms.rate, amount: rate },
      { label: words.terms.grace, amount: formatInteger(input.code.graceDays, locale) },
      { label: words.terms.minimum, amount: money(input.code.minimum) },
    ],
  };
}

export async function renderInterestNote(input: InterestNoteInput): Promise<RenderedLetter> {
  const view = interestNoteView(input);
  const pdf = await renderLetterPdf(view);
  if (pdf.byteLength >= MAX_INLINE_ATTACHMENT_BYTES) throw new RangeError(`Interest note ${input.number} renders to ${pdf.byteLength} bytes of PDF.`);
  return { subject: view.subject, html: renderLetterHtml(view), pdf };
}
