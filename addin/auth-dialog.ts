// The Office dialog's sign-in page: reads the server's auth config, signs in with MSAL by redirect
// (inside the dialog, never in the pane), and sends only the API access token to the pane.
import { createStandardPublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
import { signInLocale, type AuthConfig, type DialogAuthMessage } from './office/auth';
import { loadCatalog, translate } from './i18n/translate';

function send(message: DialogAuthMessage): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function signIn(): Promise<void> {
  const res = await fetch(new URL('api/auth/config', window.location.href), { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(translate(signInLocale(Office), 'frame.signIn.settingsUnreadable', { status: String(res.status) }));
  const config = (await res.json()) as AuthConfig;
  if (config.mode !== 'entra' || !config.clientId || !config.authority || !config.apiScope) {
    throw new Error(translate(signInLocale(Office), 'frame.signIn.notEntra'));
  }
  const pca = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: window.location.origin + window.location.pathname },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const scopes = [config.apiScope];
  // Back from the identity provider: the redirect's answer carries the token.
  const returned = await pca.handleRedirectPromise();
  if (returned?.accessToken) {
    send({ type: 'token', accessToken: returned.accessToken, expiresOn: returned.expiresOn?.toISOString() ?? null });
    return;
  }
  const account = pca.getAllAccounts()[0];
  if (account) {
    try {
      const silent = await pca.acquireTokenSilent({ scopes, account });
      send({ type: 'token', accessToken: silent.accessToken, expiresOn: silent.expiresOn?.toISOString() ?? null });
      return;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
    }
  }
  await pca.acquireTokenRedirect({ scopes, account });
}

Office.onReady(async () => {
  const locale = signInLocale(Office);
  document.documentElement.lang = locale;
  await loadCatalog(locale).catch(() => undefined);
  document.getElementById('status')!.textContent = translate(locale, 'frame.signIn.signingIn');
  signIn().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    document.getElementById('status')!.textContent = translate(locale, 'frame.signIn.failed', { reason: message });
    send({ type: 'error', message });
  });
});
