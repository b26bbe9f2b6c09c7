// Opens a page of the add-in (the report workspace) larger than the pane: in Outlook as an Office
// dialog (most of the window), in the browser preview or outside Office as a new browser window.
import { findPreviewOffice } from './preview-bridge';

/** Percent of the Outlook window the dialog takes. */
const DIALOG_SIZE = { height: 90, width: 90 };

export function openLargeView(url: string, win: Window = window): void {
  const office = typeof Office === 'undefined' ? null : Office;
  const inOutlook = findPreviewOffice(win) === null && typeof office?.context?.ui?.displayDialogAsync === 'function';
  if (!inOutlook) {
    win.open(url, '_blank', 'noopener');
    return;
  }
  office!.context.ui.displayDialogAsync(url, DIALOG_SIZE, (result) => {
    // A host that refuses dialogs (or one already open) still gets the page, in a window.
    if (result.status === office!.AsyncResultStatus.Failed) win.open(url, '_blank', 'noopener');
  });
}
