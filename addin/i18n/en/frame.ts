// English source: the pane's frame outside a customer: opened outside Outlook, and signing in.
export const frame = {
  outside: {
    title: 'Open this pane from Outlook',
    body: 'This page is the Collections task pane. Select an email in Outlook and open Collections, or try the {preview}.',
    preview: 'preview with demo data',
  },
  signIn: {
    signingIn: 'Signing in…',
    failed: 'Sign-in failed: {reason}',
    noToken: 'Sign-in returned no access token for the collections server.',
    cannotOpen: 'The sign-in window could not open: {reason}.',
    unknownReason: 'unknown error',
    cancelled: 'Sign-in was cancelled.',
    windowFailed: 'The sign-in window failed ({code}).',
    notToken: 'The sign-in window answered with something other than a token.',
    settingsUnreadable: "The server's sign-in settings could not be read ({status}).",
    notEntra: 'The server does not use Entra ID sign-in.',
  },
} as const;
