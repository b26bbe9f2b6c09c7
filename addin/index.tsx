// Bootstraps the task pane: waits for Office (or, inside the browser preview, its stand-in), adapts
// it through createOfficeHost, and mounts the App (which applies the host's Fluent theme itself).
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApiClient } from './api/client';
import { createReportsClient } from './features/reports/client';
import { createPoolsClient } from './features/worklist/client';
import { createTokenProvider, type AuthConfig } from './office/auth';
import { createOfficeHost } from './office/mailbox';
import { findPreviewOffice } from './office/preview-bridge';
import { NotInOutlook } from './ui/NotInOutlook';
import { loadCatalog } from './i18n/translate';

/** The preview's stand-in wins: outside Office, a loaded office.js has no mailbox to give. */
async function mailboxOffice(): Promise<typeof Office | null> {
  const office = findPreviewOffice(window) ?? (typeof Office === 'undefined' ? null : Office);
  if (!office) return null;
  await office.onReady();
  return office.context?.mailbox ? office : null;
}

/** The server's sign-in settings; unreachable, the pane starts anyway and its requests say why. */
async function readAuthConfig(baseUrl: string): Promise<AuthConfig> {
  try {
    return await createApiClient({ baseUrl }).authConfig();
  } catch {
    return { mode: 'entra', clientId: null, authority: null, apiScope: null };
  }
}

function mount(children: ReactNode) {
  createRoot(document.getElementById('root')!).render(<StrictMode>{children}</StrictMode>);
}

async function start() {
  const office = await mailboxOffice();
  if (!office) {
    const locale = navigator.language || 'en-US';
    await loadCatalog(locale);
    mount(<NotInOutlook locale={locale} />);
    return;
  }
  const host = createOfficeHost(office);
  const baseUrl = window.location.origin;
  // The words of Office's display language arrive with the server's sign-in settings.
  const [auth] = await Promise.all([readAuthConfig(baseUrl), host.ready, loadCatalog(host.displayLanguage)]);
  const getToken =
    auth.mode === 'entra' && auth.clientId && auth.authority && auth.apiScope
      ? createTokenProvider({ clientId: auth.clientId, authority: auth.authority, apiScope: auth.apiScope, office })
      : undefined;
  const api = createApiClient({ baseUrl, getToken });
  mount(
    <App
      host={host}
      api={api}
      authMode={auth.mode}
      reports={createReportsClient({ baseUrl, getToken })}
      pools={createPoolsClient({ baseUrl, getToken })}
    />,
  );
}

void start();
