// German: the customer header (balance, overdue, aging, payment marks, trends).
import type { Translation } from '../core';
import type { Source } from '../en';

export const header: Translation<Source['header']> = {
  balance: 'Saldo',
  overdue: 'Überfällig',
  compact: {
    label: '{name}, Saldo und Überfälliges',
    overdue: '{amount} überfällig',
  },
  refresh: 'Aktualisieren',
  moreActions: 'Weitere Aktionen',
  pickDate: 'Stand zu einem Stichtag anzeigen…',
  changeCustomer: 'Anderen Kunden wählen',
  copyAccount: 'Kontonummer kopieren',
  liftHold: 'Mahnsperre des Kunden aufheben…',
  putOnHold: 'Mahnsperre für den Kunden setzen…',
  rating: 'Bonität {rating}',
  ratingDerived: 'Aus dem Zahlungsverhalten abgeleitet',
  hold: {
    title: 'Mahnsperre: {reason}',
    until: 'Mahnsperre bis\u00a0{date}',
    untilLifted: 'Mahnsperre bis auf Widerruf',
  },
  overdueAboveBalance:
    'Das Überfällige ist höher als der Saldo: ein nicht ausgeglichenes Guthaben von {amount} mindert den Saldo, nicht aber das Überfällige.',
  trend: {
    label: 'Entwicklung des Überfälligen',
    up: { one: '{amount} mehr als vor {count} Tag', other: '{amount} mehr als vor {count} Tagen' },
    down: { one: '{amount} weniger als vor {count} Tag', other: '{amount} weniger als vor {count} Tagen' },
    unchanged: { one: 'unverändert seit {count} Tag', other: 'unverändert seit {count} Tagen' },
    noChange: { one: 'keine Änderung seit {count} Tag', other: 'keine Änderung seit {count} Tagen' },
    since: { one: '{amount} seit {count} Tag', other: '{amount} seit {count} Tagen' },
  },
  marks: {
    label: 'Zahlungsverhalten der letzten 12 Monate',
    legend: 'Legende der Zahlungsmarken',
    onTime: 'Pünktlich',
    late: 'Verspätet',
    none: 'Nichts fällig',
    nsf: 'Zahlung zurückgegeben (Rücklastschrift)',
    monthNsf: '{month}: eine Zahlung wurde unbezahlt zurückgegeben (Rücklastschrift)',
    monthNone: '{month}: keine Rechnungen fällig',
    monthOnTime: '{month}: pünktlich ({details})',
    monthLate: '{month}: verspätet ({details})',
    paidOnTime: '{paid} von {invoices} pünktlich bezahlt',
    paidLate: '{late} verspätet bezahlt',
    unpaid: '{unpaid} unbezahlt',
    share: '{share} pünktlich bezahlt',
  },
};
