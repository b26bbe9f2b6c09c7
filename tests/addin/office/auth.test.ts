// Sign-in: nested app authentication where the host supports it (silent, then popup; never a
// redirect), else the Office dialog; only access tokens are returned, and parallel calls share one.
import { describe, expect, it, vi } from 'vitest';
import { createTokenProvider, SignInError, type MsalModule } from '../../../addin/office/auth';

const config = { clientId: 'client-1', authority: 'https://login.microsoftonline.com/tenant-1', apiScope: 'api://client-1/access_as_user' };

function fakeMsal(opts: { silent: 'ok' | 'fail' }) {
  const result = (accessToken: string) => ({ accessToken, idToken: 'ID-TOKEN-MUST-NOT-LEAVE', expiresOn: new Date(Date.now() + 3600_000) });
  const pca = {
    acquireTokenSilent: vi.fn(async () => {
      if (opts.silent === 'fail') throw Object.assign(new Error('interaction_required'), { errorCode: 'interaction_required' });
      return result('silent-access-token');
    }),
    acquireTokenPopup: vi.fn(async () => result('popup-access-token')),
    acquireTokenRedirect: vi.fn(),
    loginRedirect: vi.fn(),
  };
  const module = { createNestablePublicClientApplication: vi.fn(async () => pca) };
  return { pca, module: module as unknown as MsalModule, create: module.createNestablePublicClientApplication };
}

type DialogHandler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;

function fakeOffice(opts: { naa: boolean }) {
  const handlers = new Map<string, DialogHandler>();
  const dialog = { close: vi.fn(), addEventHandler: (type: string, h: DialogHandler) => handlers.set(type, h) };
  const displayDialogAsync = vi.fn((_url: string, _options: unknown, callback: (r: { status: number; value: typeof dialog }) => void) => {
    // A new dialog: answers go to its handlers, registered once it has opened.
    handlers.clear();
    setTimeout(() => callback({ status: 0, value: dialog }), 0);
  });
  const office = {
    context: {
      requirements: { isSetSupported: (name: string, version: string) => opts.naa && name === 'NestedAppAuth' && version === '1.1' },
      ui: { displayDialogAsync },
    },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 0, Failed: 1 },
  };
  const opened = () => vi.waitFor(() => expect(handlers.size).toBe(2));
  return {
    office: office as unknown as typeof Office,
    displayDialogAsync,
    dialog,
    async answer(message: unknown, origin: string | undefined = 'https://pane.example') {
      await opened();
      handlers.get('dialogMessageReceived')!({ message: JSON.stringify(message), origin });
    },
    async closeByUser() {
      await opened();
      handlers.get('dialogEventReceived')!({ error: 12006 });
    },
  };
}

describe('createTokenProvider with nested app authentication', () => {
  it('gets the API access token silently from the nestable client, never the ID token', async () => {
    const msal = fakeMsal({ silent: 'ok' });
    const getToken = createTokenProvider({ ...config, office: fakeOffice({ naa: true }).office, loadMsal: async () => msal.module });
    await expect(getToken()).resolves.toBe('silent-access-token');
    expect(msal.create).toHaveBeenCalledWith({ auth: { clientId: 'client-1', authority: config.authority } });
    expect(msal.pca.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['api://client-1/access_as_user'] });
  });

  it('falls back to a popup when consent is needed, and never redirects the pane', async () => {
    const msal = fakeMsal({ silent: 'fail' });
    const fake = fakeOffice({ naa: true });
    const getToken = createTokenProvider({ ...config, office: fake.office, loadMsal: async () => msal.module });
    await expect(getToken()).resolves.toBe('popup-access-token');
    expect(msal.pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['api://client-1/access_as_user'] });
    expect(msal.pca.acquireTokenRedirect).not.toHaveBeenCalled();
    expect(msal.pca.loginRedirect).not.toHaveBeenCalled();
    expect(fake.displayDialogAsync).not.toHaveBeenCalled();
  });

  it('creates the client once for requests started together', async () => {
    const msal = fakeMsal({ silent: 'ok' });
    const getToken = createTokenProvider({ ...config, office: fakeOffice({ naa: true }).office, loadMsal: async () => msal.module });
    await Promise.all([getToken(), getToken(), getToken()]);
    await getToken();
    expect(msal.create).toHaveBeenCalledTimes(1);
  });
});

describe('createTokenProvider without nested app authentication', () => {
  const dialogUrl = 'https://pane.example/auth-dialog.html';

  it('signs in through the Office dialog, without loading MSAL in the pane, and reuses the token', async () => {
    const fake = fakeOffice({ naa: false });
    const loadMsal = vi.fn();
    const getToken = createTokenProvider({ ...config, office: fake.office, loadMsal, dialogUrl });
    const pending = getToken();
    await fake.answer({ type: 'token', accessToken: 'dialog-access-token', expiresOn: new Date(Date.now() + 3600_000).toISOString() });
    await expect(pending).resolves.toBe('dialog-access-token');
    expect(fake.displayDialogAsync.mock.calls[0]![0]).toBe(dialogUrl);
    expect(fake.dialog.close).toHaveBeenCalled();
    await expect(getToken()).resolves.toBe('dialog-access-token');
    expect(fake.displayDialogAsync).toHaveBeenCalledTimes(1);
    expect(loadMsal).not.toHaveBeenCalled();
  });

  it('ignores messages from another origin and fails clearly when the agent closes the dialog', async () => {
    const fake = fakeOffice({ naa: false });
    const getToken = createTokenProvider({ ...config, office: fake.office, dialogUrl });
    const pending = getToken();
    await fake.answer({ type: 'token', accessToken: 'forged', expiresOn: null }, 'https://evil.example');
    await fake.closeByUser();
    await expect(pending).rejects.toEqual(new SignInError('Sign-in was cancelled.'));
  });

  it('reports the sign-in page’s error, and refuses an answer without an access token', async () => {
    const fake = fakeOffice({ naa: false });
    const getToken = createTokenProvider({ ...config, office: fake.office, dialogUrl });
    const first = getToken();
    await fake.answer({ type: 'error', message: 'AADSTS50020: user account does not exist in tenant' });
    await expect(first).rejects.toThrow('AADSTS50020');
    const second = getToken();
    await fake.answer({ type: 'token', idToken: 'id-only' });
    await expect(second).rejects.toThrow('something other than a token');
  });
});
