// German: dialog shells, form fields and client error messages shared by every feature.
import type { Translation } from '../core';
import type { Source } from '../en';

export const forms: Translation<Source['forms']> = {
  cancel: 'Abbrechen',
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  notSaved: 'Nicht gespeichert',
  effect: 'Auswirkung',
  thisWill: 'Damit wird:',
  error: {
    network: 'Der Forderungsmanagement-Server ist nicht erreichbar.',
    status: 'Der Server antwortete mit Status {status}.',
  },
  pool: {
    edit: 'Pool {name} bearbeiten',
    add: 'Neuer Pool',
    name: 'Name',
    nameMissing: 'Geben Sie dem Pool einen Namen.',
    separate: 'Durch Kommas getrennt',
    list: {
      salesArea: 'Vertriebsgebiete',
      customerGroup: 'Kundengruppen',
      paymentTerms: 'Zahlungsbedingungen',
      currency: 'Währungen',
      creditRating: 'Bonitätsstufen',
      agentId: 'Sachbearbeiter-IDs',
    },
    range: {
      overdue: 'Überfällig',
      balance: 'Saldo',
      oldestOverdueDays: 'Älteste Überfälligkeit (Tage)',
      daysSinceLastActivity: 'Tage seit dem letzten Kontakt',
    },
    from: 'Von',
    to: 'Bis',
    rangeFrom: '{label} von',
    rangeTo: '{label} bis',
    onHold: 'Kunde mit Mahnsperre',
    either: 'Egal',
    isOnHold: 'Mit Mahnsperre',
    notOnHold: 'Ohne Mahnsperre',
    collectionStatus: 'Hat einen offenen Posten im Status',
    accountStatus: 'Kontostatus',
    preview: { one: '{count} Kunde, {amount} überfällig', other: '{count} Kunden, {amount} überfällig' },
    counting: 'Wird gezählt…',
  },
};
