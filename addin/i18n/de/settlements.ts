// German: settling and reversing settlements.
import type { Translation } from '../core';
import type { Source } from '../en';

export const settlements: Translation<Source['settlements']> = {
  settle: {
    title: 'Paarweise ausgleichen',
    confirm: 'Bestätigen',
    pairsOf: 'Paare von {document}',
    creditOpen: '{document} · offen {amount}',
    debit: 'Forderung',
    choose: 'Auswählen…',
    debitOption: '{document} · {amount}',
    amount: 'Betrag ({currency})',
    amountOf: 'Betrag des Paars von {document}',
    remove: 'Dieses Paar entfernen',
    add: 'Paar hinzufügen',
  },
  pairs: {
    error: {
      debit: 'Wählen Sie die auszugleichende Forderung.',
      currency: '{debit} ist in {debitCurrency}, {credit} in {creditCurrency}.',
      positive: 'Mehr als 0.',
      moreThanOpen: 'Mehr als bei {document} offen ist ({amount}).',
      none: 'Fügen Sie mindestens ein Paar hinzu.',
    },
    effect: {
      settles: '{credit} gleicht {amount} von {debit} aus',
      open: '{document}: offen {open} → {after}',
    },
  },
  reverse: {
    title: 'Ausgleich stornieren · {document}',
    label: 'Ausgleich stornieren',
    confirm: 'Stornieren',
    failed: 'Nicht storniert',
    loadFailed: 'Die Ausgleiche konnten nicht geladen werden',
    empty: 'Nichts ausgeglichen',
    emptyDescription: 'Dieser Posten hat keine Ausgleiche.',
    list: 'Ausgleiche',
    option: '{credit} → {debit} · {amount} · {date}',
    optionLocked: '{credit} → {debit} · {amount} · {date} (aus dem ERP oder storniert)',
    asOf: 'Stornieren zum',
    chooseDate: 'Wählen Sie das Datum.',
    effect: '{amount} von {debit} und von {credit} ab {date} wieder öffnen; frühere Daten bleiben unverändert',
  },
};
