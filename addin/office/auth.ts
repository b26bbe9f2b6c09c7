// Signs the pane in for the server's API scope: MSAL nested app authentication where the host
// supports it, otherwise the Office dialog (MSAL runs inside the dialog page). Only access tokens
// ever leave this module; never an ID token, and never a redirect-based MSAL call in the pane.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { AuthConfigResponse } from '../../server/http/schemas/auth-config';
import { translate } from '../i18n/translate';

/** GET /api/auth/config: how the pane signs in. In development mode the server needs no token. */
export type AuthConfig = AuthConfigResponse;

/** What the dialog page sends back with `messageParent` (a JSON string); its messages are in its own display language. */
export type DialogAuthMessage = { type: 'token'; accessToken: string; expiresOn: string | null } | { type: 'error'; message: string };

/** Office's display language, where Office (or the preview's stand-in) has one. */
export function officeDisplayLanguage(office: { context?: { displayLanguage?: unknown } } | undefined): string | undefined {
  const language = office?.context?.displayLanguage;
  return typeof language === 'string' && language ? language : undefined;
}

/** The language the sign-in messages are written in: Office's display language, else the browser's. */
export function signInLocale(office: typeof Office | undefined): string {
  return officeDisplayLanguage(office) ?? globalThis.navigator?.language ?? 'en-US';
}

export interface MsalModule {
  createNestablePublicClientApplication(configuration: { auth: { clientId: string; authority: string } }): Promise<IPublicClientApplication>;
}

export interface TokenProviderOptions {
  clientId: string;
  authority: string;
  apiScope: string;
  office: typeof Office;
  /** Loads MSAL on first use: it is large and development mode never needs it. Tests pass a fake. */
  loadMsal?: () => Promise<MsalModule>;
  /** The sign-in page the Office dialog opens when the host lacks NAA. */
  dialogUrl?: string;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

/** A dialog token is reused until this long before it expires. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** Office's code for "the user closed the dialog". */
const DIALOG_CLOSED = 12006;

export function createTokenProvider(opts: TokenProviderOptions): () => Promise<string | null> {
  const naa = opts.office.context.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false;
  const fetchToken = naa ? nestedAppToken(opts) : dialogToken(opts);
  // Many requests start at once when an item is selected: they share one sign-in.
  let inFlight: Promise<string> | null = null;
  return () => {
    inFlight ??= fetchToken().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

function nestedAppToken(opts: TokenProviderOptions): () => Promise<string> {
  const load = opts.loadMsal ?? (() => import('@azure/msal-browser'));
  let app: Promise<IPublicClientApplication> | null = null;
  return async () => {
    app ??= load().then((msal) =>
      msal.createNestablePublicClientApplication({ auth: { clientId: opts.clientId, authority: opts.authority } }),
    );
    const pca = await app;
    const request = { scopes: [opts.apiScope] };
    // Silent first (the host's account, cached tokens); a popup only when the user must consent.
    const result = await pca.acquireTokenSilent(request).catch(() => pca.acquireTokenPopup(request));
    if (!result.accessToken) throw new SignInError(translate(signInLocale(opts.office), 'frame.signIn.noToken'));
    return result.accessToken;
  };
}

function dialogToken(opts: TokenProviderOptions): () => Promise<string> {
  const office = opts.office;
  const url = opts.dialogUrl ?? new URL('auth-dialog.html', window.location.href).href;
  let cached: { token: string; expiresAt: number } | null = null;
  return async () => {
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
    const message = await openDialog(office, url);
    const expiresAt = message.expiresOn ? Date.parse(message.expiresOn) : Date.now() + EXPIRY_MARGIN_MS * 2;
    cached = { token: message.accessToken, expiresAt };
    return message.accessToken;
  };
}

function openDialog(office: typeof Office, url: string): Promise<Extract<DialogAuthMessage, { type: 'token' }>> {
  const expectedOrigin = new URL(url).origin;
  const locale = signInLocale(office);
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (result) => {
      if (result.status === office.AsyncResultStatus.Failed) {
        const reason = result.error?.message ?? translate(locale, 'frame.signIn.unknownReason');
        reject(new SignInError(translate(locale, 'frame.signIn.cannotOpen', { reason })));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        // Hosts with DialogOrigin 1.1 say who sent it; only our own sign-in page may answer.
        if (arg.origin !== undefined && arg.origin !== expectedOrigin) return;
        dialog.close();
        const message = parseMessage(arg.message, locale);
        if (message.type === 'token') resolve(message);
        else reject(new SignInError(message.message));
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        const code = 'error' in arg ? arg.error : 0;
        reject(
          new SignInError(
            code === DIALOG_CLOSED ? translate(locale, 'frame.signIn.cancelled') : translate(locale, 'frame.signIn.windowFailed', { code: String(code) }),
          ),
        );
      });
    });
  });
}

function parseMessage(raw: string, locale: string): DialogAuthMessage {
  try {
    const message = JSON.parse(raw) as Partial<DialogAuthMessage>;
    if (message.type === 'token' && typeof message.accessToken === 'string' && message.accessToken) {
      return { type: 'token', accessToken: message.accessToken, expiresOn: typeof message.expiresOn === 'string' ? message.expiresOn : null };
    }
    if (message.type === 'error' && typeof message.message === 'string') return { type: 'error', message: message.message };
  } catch {
    // Falls through: anything else is not a message of ours.
  }
  return { type: 'error', message: translate(locale, 'frame.signIn.notToken') };
}
