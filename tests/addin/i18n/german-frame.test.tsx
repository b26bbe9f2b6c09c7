// The pane's frame in German: the page opened outside Outlook, the sign-in window's failures, and the
// messages the pools and reports clients write themselves (server unreachable, a bare status).
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createReportsClient } from '../../../addin/features/reports/client';
import { createPoolsClient } from '../../../addin/features/worklist/client';
import { createTokenProvider } from '../../../addin/office/auth';
import { NotInOutlook } from '../../../addin/ui/NotInOutlook';

type Handler = (arg: { error: number } | { message: string; origin?: string }) => void;

/** An Office without nested app auth: sign-in opens the dialog, which the agent then closes or answers. */
function dialogOffice(displayLanguage: string) {
  const handlers = new Map<string, Handler>();
  const dialog = { close: vi.fn(), addEventHandler: (type: string, h: Handler) => handlers.set(type, h) };
  const office = {
    context: {
      displayLanguage,
      requirements: { isSetSupported: () => false },
      ui: { displayDialogAsync: (_u: string, _o: unknown, cb: (r: { status: number; value: typeof dialog }) => void) => setTimeout(() => cb({ status: 0, value: dialog }), 0) },
    },
    EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    AsyncResultStatus: { Succeeded: 0, Failed: 1 },
  } as unknown as typeof Office;
  const opened = () => vi.waitFor(() => expect(handlers.size).toBe(2));
  return {
    office,
    close: async () => (await opened(), handlers.get('event')!({ error: 12006 })),
    answer: async (message: unknown) => (await opened(), handlers.get('message')!({ message: JSON.stringify(message) })),
  };
}

const signIn = { clientId: 'c', authority: 'https://login.microsoftonline.com/t', apiScope: 'api://c/access_as_user', dialogUrl: 'https://pane.example/auth-dialog.html' };
const refused: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

describe('the frame in German', () => {
  it('tells a browser opened outside Outlook where the pane belongs, with the way to the preview', () => {
    render(<NotInOutlook locale="de-DE" />);
    expect(screen.getByText('Öffnen Sie diesen Bereich aus Outlook')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vorschau mit Demodaten' }).getAttribute('href')).toBe('/preview');
  });

  it('says so in English for any language without a catalog', () => {
    render(<NotInOutlook locale="fr-FR" />);
    expect(screen.getByText('Open this pane from Outlook')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'preview with demo data' })).toBeTruthy();
  });

  it('reports a sign-in the agent cancelled, or a window that answered nonsense, in Office’s language', async () => {
    const german = dialogOffice('de-DE');
    const cancelled = createTokenProvider({ ...signIn, office: german.office })();
    await german.close();
    await expect(cancelled).rejects.toThrow('Die Anmeldung wurde abgebrochen.');

    const odd = dialogOffice('de-AT');
    const answered = createTokenProvider({ ...signIn, office: odd.office })();
    await odd.answer({ type: 'token' });
    await expect(answered).rejects.toThrow('Das Anmeldefenster hat etwas anderes als ein Token zurückgegeben.');

    const english = dialogOffice('en-GB');
    const closed = createTokenProvider({ ...signIn, office: english.office })();
    await english.close();
    await expect(closed).rejects.toThrow('Sign-in was cancelled.');
  });

  it('says the server could not be reached in the worklist and the report, keeping the code the pane acts on', async () => {
    const pools = createPoolsClient({ baseUrl: 'https://server.example', fetch: refused, locale: 'de-DE' });
    await expect(pools.pools()).rejects.toMatchObject({ code: 'network', message: 'Der Forderungsmanagement-Server ist nicht erreichbar.' });
    const reports = createReportsClient({ baseUrl: 'https://server.example', fetch: refused, locale: 'de-DE' });
    await expect(reports.report({})).rejects.toMatchObject({ code: 'network', message: 'Der Forderungsmanagement-Server ist nicht erreichbar.' });
  });

  it('names a bare status in German when the server sent no message of its own, and passes the server’s own through', async () => {
    const bare: typeof fetch = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const reports = createReportsClient({ baseUrl: 'https://server.example', fetch: bare, locale: 'de-DE' });
    await expect(reports.report({})).rejects.toMatchObject({ code: 'http_502', status: 502, message: 'Der Server antwortete mit Status 502.' });
    const own: typeof fetch = async () => Response.json({ code: 'forbidden', message: 'Managers only.' }, { status: 403 });
    const pools = createPoolsClient({ baseUrl: 'https://server.example', fetch: own, locale: 'de-DE' });
    await expect(pools.pools()).rejects.toMatchObject({ code: 'forbidden', status: 403, message: 'Managers only.' });
  });
});
