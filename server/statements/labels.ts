// The fixed words of a statement per language, over the letters' labels (column heads, aging,
// contact) so that both documents speak alike. Unknown languages fall back to English.
import { labelsFor, type LetterLabels } from '../letters/labels';
import type { LedgerKind } from '../domain/types';

export interface StatementLabels extends LetterLabels {
  openItemsTitle: string;
  activityTitle: string;
  statement: string;
  asOf: string;
  period: string;
  openItems: string;
  totalOpen: string;
  openBalance: string;
  openingBalance: string;
  closingBalance: string;
  amount: string;
  balance: string;
  postings: string;
  /** The open-ended last aging period: 'Over 120'. */
  over: string;
  noItems: string;
  openItemsIntro: string;
  activityIntro: string;
  kinds: Record<LedgerKind, string>;
}

type Own = Omit<StatementLabels, keyof LetterLabels>;

const OWN: Record<string, Own> = {
  en: {
    openItemsTitle: 'Statement of account',
    activityTitle: 'Account activity statement',
    statement: 'Statement',
    asOf: 'As of',
    period: 'Period',
    openItems: 'Open items',
    totalOpen: 'Total open',
    openBalance: 'Open balance',
    openingBalance: 'Opening balance',
    closingBalance: 'Closing balance',
    amount: 'Amount',
    balance: 'Balance',
    postings: 'Postings',
    over: 'Over',
    noItems: 'Nothing is open on your account.',
    openItemsIntro: 'These are the items open on your account. Please let us know if anything differs from your records.',
    activityIntro: 'These are the postings on your account in the period, with the balance before and after.',
    kinds: {
      invoice: 'Invoice', payment: 'Payment', credit_note: 'Credit note', fee: 'Fee', interest: 'Interest',
      write_off: 'Write-off', nsf_reversal: 'Returned payment', adjustment: 'Adjustment',
    },
  },
  de: {
    openItemsTitle: 'Kontoauszug',
    activityTitle: 'Kontobewegungen',
    statement: 'Auszug',
    asOf: 'Stand',
    period: 'Zeitraum',
    openItems: 'Offene Posten',
    totalOpen: 'Summe offen',
    openBalance: 'Offener Saldo',
    openingBalance: 'Anfangssaldo',
    closingBalance: 'Endsaldo',
    amount: 'Betrag',
    balance: 'Saldo',
    postings: 'Buchungen',
    over: 'Über',
    noItems: 'Auf Ihrem Konto ist nichts offen.',
    openItemsIntro: 'Dies sind die offenen Posten Ihres Kontos. Bitte teilen Sie uns mit, wenn etwas von Ihren Unterlagen abweicht.',
    activityIntro: 'Dies sind die Buchungen auf Ihrem Konto im Zeitraum, mit dem Saldo davor und danach.',
    kinds: {
      invoice: 'Rechnung', payment: 'Zahlung', credit_note: 'Gutschrift', fee: 'Gebühr', interest: 'Zinsen',
      write_off: 'Abschreibung', nsf_reversal: 'Rücklastschrift', adjustment: 'Korrektur',
    },
  },
};

export function statementLabelsFor(language: string): StatementLabels {
  return { ...labelsFor(language), ...(OWN[language] ?? OWN.en!) };
}
