// German: words shared by several views (actions, statuses, aging periods, charts), and the pane's frame.
import type { Translation } from '../core';
import type { Source } from '../en';

export const common: Translation<Source['common']> = {
  retry: 'Erneut versuchen',
  loading: 'Wird geladen',
  close: 'Schließen',
  none: 'Keine',
  app: {
    label: 'Forderungsmanagement',
    worklist: 'Arbeitsliste',
    devSignIn: 'Entwicklungsanmeldung',
    devSignInTitle: 'Der Server läuft ohne Entra ID: Jede Anfrage handelt als sein Demo-Sachbearbeiter.',
  },
  accountStatus: {
    active: 'Aktiv',
    on_hold: 'Zurückgestellt',
    blocked: 'Gesperrt',
  },
  collectionStatus: {
    none: 'Ohne Status',
    promise_to_pay: 'Zahlungszusage',
    promise_broken: 'Zusage gebrochen',
    disputed: 'Streitfall',
    resolved: 'Geklärt',
  },
  period: {
    current: 'Nicht fällig',
    upTo: 'Bis {days}',
    over: 'Über {days}',
    range: '{from}–{to}',
  },
  chart: {
    series: 'Datenreihen: {title}',
    allOff: 'Alle Datenreihen sind ausgeblendet.',
    empty: 'Nichts anzuzeigen.',
    group: 'Gruppe',
    amount: 'Betrag',
  },
};
