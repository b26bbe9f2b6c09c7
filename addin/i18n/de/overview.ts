// German: the overview tab (aging, aging history, the customer's figures, contracts) and the as-of date.
import type { Translation } from '../core';
import type { Source } from '../en';

export const overview: Translation<Source['overview']> = {
  aging: {
    caption: 'Altersstruktur nach Fälligkeit',
    period: 'Zeitraum',
    bar: 'Balken',
    amount: 'Betrag',
    share: 'Anteil',
    credit: 'Ein negativer Betrag ist ein nicht zugeordnetes Guthaben: Zahlungen oder Gutschriften, die noch keiner Rechnung zugeordnet sind.',
  },
  history: {
    title: 'Verlauf der Altersstruktur',
    monthEnd: 'Monatsende',
    days: '{period} Tage',
    failed: 'Der Verlauf der Altersstruktur konnte nicht geladen werden',
    empty: 'Kein Verlauf: Zu den Monatsenden war nichts offen.',
  },
  facts: {
    label: 'Kennzahlen des Kunden',
    outstandingInvoices: 'Offene Rechnungen',
    customerSince: 'Kunde seit',
    creditLimit: 'Kreditlimit',
    noCreditLimit: 'Keines',
    remainingCredit: 'Verfügbares Limit',
    overLimit: 'Über dem Kreditlimit',
    accountStatus: 'Kontostatus',
    dso: 'DSO',
    averageDaysLate: 'Durchschnittlicher Zahlungsverzug',
    days: { one: '{count} Tag', other: '{count} Tage' },
    paidOnTime: 'Pünktlich bezahlt',
    promises: 'Zahlungszusagen',
    brokenPromises: 'Gebrochene Zahlungszusagen',
    disputes: 'Streitfälle',
  },
  contracts: {
    term: 'Aktive Verträge',
    show: { one: '{count} aktiver Vertrag: Liste anzeigen', other: '{count} aktive Verträge: Liste anzeigen' },
    title: 'Verträge',
    asOf: 'Stand {date}',
    failed: 'Die Verträge konnten nicht geladen werden',
    active: 'In Kraft',
    upcoming: 'Noch nicht begonnen',
    ended: 'Beendet',
    emptyTitle: 'Keine Verträge',
    emptyDescription: 'Für diesen Kunden wurden keine Verträge importiert.',
    openEnded: 'unbefristet',
  },
  asOf: {
    field: 'Kunden anzeigen zum Stichtag',
    closePicker: 'Datumsauswahl schließen',
    chip: 'Stand\u00a0{date}',
    chipLabel: 'Stand {date}: zurück zu heute',
    backToToday: 'Zurück zu heute',
  },
};
