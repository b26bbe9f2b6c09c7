// German: statements of account, and attaching a document to a reply.
import type { Translation } from '../core';
import type { Source } from '../en';

export const statements: Translation<Source['statements']> = {
  dialog: {
    title: 'Kontoauszug',
    sent: 'Kontoauszug {number} gesendet',
    sending: 'Wird über Outlook gesendet.',
    sendingTo: 'Wird über Outlook an {recipient} gesendet.',
    inserted: 'In eine Antwort eingefügt: Prüfen Sie sie und senden Sie sie ab.',
    replyFailed: 'Das Antwortformular konnte nicht geöffnet werden; der Kontoauszug ist gespeichert, senden Sie die PDF-Datei bitte selbst.',
    kind: 'Art des Kontoauszugs',
    openItems: 'Offene Posten',
    activity: 'Kontobewegungen',
    from: 'Von',
    fromAfterDate: 'Wählen Sie einen Tag am oder vor dem Stichtag des Kontoauszugs.',
    to: 'Bis',
    asOf: 'Stichtag',
    previewFailed: 'Die Vorschau des Kontoauszugs konnte nicht erstellt werden',
    preview: 'Vorschau des Kontoauszugs',
    notSent: 'Der Kontoauszug wurde nicht gesendet',
    insertIntoReply: 'In Antwort einfügen',
    send: 'Senden',
    cancel: 'Abbrechen',
  },
  attach: {
    body: 'Anbei erhalten Sie eine Kopie von {document}.',
    failed: '{document} konnte nicht angehängt werden',
    attached: '{document} an eine Antwort angehängt',
    notAttached: '{document} wurde nicht angehängt',
    review: 'Prüfen Sie die Antwort und senden Sie sie ab.',
    noReply: 'Hier kann keine Antwort geöffnet werden: Wählen Sie die empfangene E-Mail aus, die Sie beantworten möchten.',
    dismiss: 'Schließen',
  },
};
