// German: the pane's frame outside a customer: opened outside Outlook, and signing in.
import type { Translation } from '../core';
import type { Source } from '../en';

export const frame: Translation<Source['frame']> = {
  outside: {
    title: 'Öffnen Sie diesen Bereich aus Outlook',
    body: 'Diese Seite ist der Aufgabenbereich „Forderungsmanagement“. Wählen Sie in Outlook eine E-Mail aus und öffnen Sie Forderungsmanagement, oder probieren Sie die {preview} aus.',
    preview: 'Vorschau mit Demodaten',
  },
  signIn: {
    signingIn: 'Anmeldung läuft …',
    failed: 'Anmeldung fehlgeschlagen: {reason}',
    noToken: 'Die Anmeldung lieferte kein Zugriffstoken für den Forderungsserver.',
    cannotOpen: 'Das Anmeldefenster konnte nicht geöffnet werden: {reason}.',
    unknownReason: 'unbekannter Fehler',
    cancelled: 'Die Anmeldung wurde abgebrochen.',
    windowFailed: 'Das Anmeldefenster ist fehlgeschlagen ({code}).',
    notToken: 'Das Anmeldefenster hat etwas anderes als ein Token zurückgegeben.',
    settingsUnreadable: 'Die Anmeldeeinstellungen des Servers konnten nicht gelesen werden ({status}).',
    notEntra: 'Der Server verwendet keine Anmeldung mit Entra ID.',
  },
};
