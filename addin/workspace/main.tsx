// The workspace page's entry (/workspace): signs in as the pane does (no sign-in in development
// mode; inside an Office dialog, office.js and the pane's token provider) and shows the report.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { createReportsClient } from '../features/reports/client';
import { createTokenProvider, type AuthConfig } from '../office/auth';
import { WorkspaceApp, type SignIn } from './WorkspaceApp';
import { loadCatalog } from '../i18n/translate';

/** Office when this page runs in an Office dialog; null in a plain browser tab. */
async function dialogOffice(): Promise<typeof Office | null> {
  if (typeof Office === 'undefined') return null;
  await Office.onReady();
  return Office.context?.ui ? Office : null;
}

async function signIn(baseUrl: string): Promise<SignIn> {
  let auth: AuthConfig;
  try {
    auth = await createApiClient({ baseUrl }).authConfig();
  } catch {
    // Unreachable: the report's own request says why.
    return { kind: 'ready' };
  }
  if (auth.mode === 'development') return { kind: 'ready', development: true };
  const office = await dialogOffice();
  if (!office || !auth.clientId || !auth.authority || !auth.apiScope) return { kind: 'outside-office' };
  return { kind: 'ready', getToken: createTokenProvider({ clientId: auth.clientId, authority: auth.authority, apiScope: auth.apiScope, office }) };
}

async function start() {
  const baseUrl = window.location.origin;
  // The window speaks the browser's language (WorkspaceApp): its words load beside the sign-in.
  const [signedIn] = await Promise.all([signIn(baseUrl), loadCatalog(navigator.language || 'en-US')]);
  const getToken = signedIn.kind === 'ready' ? signedIn.getToken : undefined;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <WorkspaceApp
        signIn={signedIn}
        api={createApiClient({ baseUrl, getToken })}
        reports={createReportsClient({ baseUrl, getToken })}
        initialAsOf={new URLSearchParams(window.location.search).get('asOf') ?? undefined}
      />
    </StrictMode>,
  );
}

void start();
