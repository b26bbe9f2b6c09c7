// German: the aged receivables report (workspace), the pane's totals card, and the workspace's frame.
import type { Translation } from '../core';
import type { Source } from '../en';

export const reports: Translation<Source['reports']> = {
  heading: 'Forderungen nach Alter',
  headingAsOf: 'Forderungen nach Alter, Stand {date}',
  asOf: 'Stichtag',
  ageBy: 'Alter nach',
  dueDate: 'Fälligkeit',
  documentDate: 'Belegdatum',
  filter: 'Nach Name oder Kontonummer filtern',
  loading: 'Die offenen Posten aller Kunden werden gelesen…',
  failed: 'Der Bericht konnte nicht geladen werden',
  totals: 'Summen',
  customers: 'Kunden',
  withOpenItems: { one: '{count} Kunde mit offenen Posten', other: '{count} Kunden mit offenen Posten' },
  matching: '{shown} von {total} Kunden entsprechen dem Filter',
  table: {
    label: 'Forderungen nach Alter je Kunde',
    account: 'Konto',
    name: 'Name',
    balance: 'Saldo',
    overdue: 'Überfällig',
    pages: 'Seiten der Kundenliste',
    noCustomers: 'Keine Kunden',
    range: '{from}–{to} von {total}',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
  },
  totalsTable: {
    label: 'Summen nach Zeitraum und Währung',
    allCustomers: 'Alle Kunden ({currency})',
    byCurrency: 'Buchungen in {currency}',
  },
  card: {
    title: 'Forderungen',
    titleAsOf: 'Forderungen, Stand {date}',
    loading: 'Die Forderungssummen werden geladen',
    failed: 'Die Summen konnten nicht geladen werden',
    open: 'Vollständigen Bericht öffnen',
  },
  download: {
    csv: 'CSV',
    excel: 'Excel',
    downloading: '{format} wird heruntergeladen',
    received: '{format}: {size} empfangen',
    bytes: 'Byte',
    cancel: 'Download abbrechen',
    failed: 'Der Download ist fehlgeschlagen',
  },
  monthEnd: {
    label: 'Diesen Bericht (Excel) zu jedem Monatsende an mich senden',
    lastSent: 'Zuletzt gesendet: Stand {date}',
    failed: 'Der Versand zum Monatsende konnte nicht umgestellt werden',
  },
  drawer: {
    title: 'Kunde',
  },
  workspace: {
    label: 'Arbeitsbereich Forderungsmanagement',
    nav: 'Arbeitsbereich',
    report: 'Forderungen nach Alter',
    outsideTitle: 'Öffnen Sie den Bericht aus Outlook',
    outsideBody: 'Dieser Server erfordert eine Microsoft-Anmeldung: Öffnen Sie Forderungsmanagement in Outlook und dann „Vollständigen Bericht öffnen“.',
  },
};
