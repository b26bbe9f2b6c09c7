// German: the timeline tab and how its entries read.
import type { Translation } from '../core';
import type { Source } from '../en';

export const timeline: Translation<Source['timeline']> = {
  failed: 'Der Verlauf konnte nicht geladen werden',
  emptyTitle: 'Nichts im letzten Jahr',
  emptyDescription: 'Keine Buchungen, Mahnungen oder Aktivitäten.',
  type: {
    invoice: 'Rechnung',
    payment: 'Zahlung',
    credit_note: 'Gutschrift',
    fee: 'Gebühr',
    interest: 'Zinsen',
    write_off: 'Abschreibung',
    nsf_reversal: 'Rücklastschrift',
    adjustment: 'Korrektur',
    letter: 'Mahnung',
    activity: 'Aktivität',
    statement: 'Kontoauszug',
  },
  due: 'Fälligkeit',
  open: 'Offener Betrag',
  settled: 'Verrechnet mit',
  settledBy: 'Ausgeglichen durch',
  level: 'Stufe {level}',
  fee: 'Gebühr {amount}',
  detail: {
    daysOverdue: 'Tage überfällig',
    promiseDate: 'Zugesagt für',
    promiseAmount: 'Zugesagter Betrag',
    disputeReason: 'Grund des Streitfalls',
    followUpAt: 'Wiedervorlage',
    collectionStatus: 'Mahnstatus',
    notes: 'Notizen',
    number: 'Nummer',
    kind: 'Art',
    from: 'Ab',
    delivery: 'Zustellung',
    recipient: 'Empfänger',
  },
  delivery: {
    reply: 'Antwort auf die E-Mail',
    graph: 'Per E-Mail gesendet',
  },
};
