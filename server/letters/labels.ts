// The fixed words of a letter (column heads, totals) per language; a letter's own text comes from
// its level's template. Unknown languages fall back to English.
export interface LetterLabels {
  locale: string;
  letter: string;
  date: string;
  account: string;
  overdueItems: string;
  document: string;
  documentDate: string;
  dueDate: string;
  daysOverdue: string;
  openAmount: string;
  totalOverdue: string;
  fee: string;
  totalDue: string;
  payBy: string;
  howToPay: string;
  contact: string;
  aging: string;
  /** The aging bucket of items not yet overdue. */
  current: string;
  page: string;
  /** Stands in for the number on a preview: a letter gets its number when it is posted. */
  draft: string;
  /** The greeting of a named contact; `{name}` is the contact's name. */
  greeting: string;
  /** The greeting when the letter has no named contact, as a template would write it. */
  greetingNoContact: string;
}

const LABELS: Record<string, LetterLabels> = {
  en: {
    locale: 'en-GB',
    letter: 'Letter',
    date: 'Date',
    account: 'Account',
    overdueItems: 'Overdue items',
    document: 'Document',
    documentDate: 'Date',
    dueDate: 'Due date',
    daysOverdue: 'Days overdue',
    openAmount: 'Open amount',
    totalOverdue: 'Total overdue',
    fee: 'Fee',
    totalDue: 'Total due',
    payBy: 'Please pay by',
    howToPay: 'How to pay',
    contact: 'Your contact',
    aging: 'Aging of your open balance',
    current: 'Not yet due',
    page: 'Page',
    draft: 'Draft',
    greeting: 'Dear {name},',
    greetingNoContact: 'Dear {{customerName}},',
  },
  de: {
    locale: 'de-DE',
    letter: 'Schreiben',
    date: 'Datum',
    account: 'Kundennummer',
    overdueItems: 'Überfällige Posten',
    document: 'Beleg',
    documentDate: 'Datum',
    dueDate: 'Fällig am',
    daysOverdue: 'Tage überfällig',
    openAmount: 'Offener Betrag',
    totalOverdue: 'Summe überfällig',
    fee: 'Mahngebühr',
    totalDue: 'Zu zahlen',
    payBy: 'Bitte zahlen Sie bis',
    howToPay: 'Zahlungshinweise',
    contact: 'Ihr Ansprechpartner',
    aging: 'Altersstruktur Ihres offenen Saldos',
    current: 'Noch nicht fällig',
    page: 'Seite',
    draft: 'Entwurf',
    // "Sehr geehrte Frau/Herr" needs a gender the contact list does not hold.
    greeting: 'Guten Tag {name},',
    greetingNoContact: 'Sehr geehrte Damen und Herren,',
  },
};

export const LETTER_LANGUAGES = Object.keys(LABELS);

export function labelsFor(language: string): LetterLabels {
  return LABELS[language] ?? LABELS.en!;
}
