// "Attach to reply" for a ledger entry with a document link (the invoice copy from the ERP): a
// reply to the selected email with a line naming the document and the file attached by its https
// URL, which the mail client downloads itself (the link needs no sign-in of ours).
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { translate } from '../../i18n';
import type { MailHost } from '../../office/host';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The file name the reply shows: the document number, made safe for a file name. */
export function documentFileName(document: string): string {
  return `${document.replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'document'}.pdf`;
}

/**
 * False when no reply can open (nothing selected, compose mode, a host without reply forms). The
 * reply's line is in the pane's language (`locale`): the agent reads it before sending.
 */
export async function attachDocumentToReply(host: MailHost, item: Pick<TransactionItem, 'document' | 'documentUrl'>, locale: string): Promise<boolean> {
  if (!item.documentUrl || typeof host.displayReplyForm !== 'function') return false;
  const body = `<p>${escapeHtml(translate(locale, 'statements.attach.body', { document: item.document }))}</p>`;
  return host.displayReplyForm(body, [{ name: documentFileName(item.document), url: item.documentUrl }]);
}
