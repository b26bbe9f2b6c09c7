// German: finding the customer of the selected email (picker, search, empty states).
import type { Translation } from '../core';
import type { Source } from '../en';

export const resolution: Translation<Source['resolution']> = {
  noItem: {
    title: 'Wählen Sie eine E-Mail eines Kunden aus',
    description: 'Hier erscheinen Saldo, Altersstruktur und Verlauf des Kunden.',
    orWorklist: 'Oder arbeiten Sie Ihre Arbeitsliste ab.',
  },
  noRecipient: {
    title: 'Fügen Sie einen Empfänger hinzu',
    description: 'Oder suchen Sie den Kunden selbst.',
  },
  noCustomer: {
    title: 'Kein Kunde gefunden für {addresses}',
    description: 'Suchen Sie den Kunden nach Name, Kontonummer oder E-Mail-Adresse.',
  },
  lookupFailed: 'Der Absender konnte nicht nachgeschlagen werden',
  pending: {
    lookingUp: '{names} wird nachgeschlagen…',
    loadingCustomer: 'Kunde wird geladen',
  },
  picker: {
    title: { one: '{count} Kunde passt zu dieser E-Mail', other: '{count} Kunden passen zu dieser E-Mail' },
    intro: 'Wählen Sie den Kunden, um den es in dieser E-Mail geht.',
    byContact: 'Kontakt {address}',
    byDomain: 'Gleiche Domain, {domain}',
    searchOther: 'Anderen Kunden suchen',
  },
  notThis: {
    others: { one: '{count} weiterer Kunde passt zu dieser E-Mail.', other: '{count} weitere Kunden passen zu dieser E-Mail.' },
    switch: 'Nicht dieser Kunde?',
  },
  search: {
    region: 'Kunden suchen',
    box: 'Kunden durchsuchen',
    placeholder: 'Name, Kontonummer oder E-Mail',
    submit: 'Suchen',
    searching: 'Suche läuft…',
    failed: 'Die Suche ist fehlgeschlagen',
    noMatch: 'Kein Kunde passt zu „{query}“.',
    linkFailed: 'Die Adresse konnte nicht verknüpft werden',
    linkHint: 'Verknüpfen Sie {address} mit dem richtigen Kunden: Die nächste E-Mail von dieser Adresse öffnet dann diesen Kunden.',
    results: 'Suchergebnisse',
    link: 'Adresse verknüpfen',
    linkLabel: 'Adresse {address} mit {name} verknüpfen',
    show: 'Anzeigen',
    showLabel: '{name} anzeigen',
  },
};
