// How the task pane finds the preview's stand-in Office: the preview page (same origin) puts it on
// its own window under one key; the pane, running in the preview's iframe, reads it from its parent.

const KEY = 'collectionsPreviewOffice';

type BridgeWindow = Window & { [KEY]?: typeof Office };

/** The preview page publishes its stand-in for the pane it hosts. */
export function publishPreviewOffice(win: Window, office: typeof Office): void {
  (win as BridgeWindow)[KEY] = office;
}

/** The stand-in of the preview hosting this pane, or null outside the preview. */
export function findPreviewOffice(win: Window): typeof Office | null {
  if (win.parent === win) return null;
  try {
    return (win.parent as BridgeWindow)[KEY] ?? null;
  } catch {
    // A cross-origin parent (Outlook on the web) throws on access: not the preview.
    return null;
  }
}
