// The month-end aged receivables report as a Graph sendMail body to the manager: the totals in the
// text, the workbook as a file attachment (or, when it is too large to send inline, a link instead).
import { formatMinor } from '../domain/money';
import type { IsoDate } from '../domain/types';
import type { AgedReceivablesHeading, AgedTotals } from './aged-receivables';

/** Graph takes file attachments inline up to 3 MB; larger ones would need an upload session. */
export const MAX_INLINE_ATTACHMENT_BYTES = 3 * 1024 * 1024;

export interface MonthEndMail {
  heading: AgedReceivablesHeading;
  totals: AgedTotals;
  customers: number;
  xlsx: Uint8Array;
  to: { email: string; name: string | null };
  /** The server's public origin, for the link to the report view. */
  origin: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function monthEndMailKey(agentId: string, monthEnd: IsoDate): string {
  return `aged-receivables:${agentId}:${monthEnd}`;
}

/** The body of POST /me/sendMail, sent from the manager's own mailbox to the manager. */
export function monthEndMailBody(mail: MonthEndMail): { message: Record<string, unknown>; saveToSentItems: boolean } {
  const { heading, totals, xlsx } = mail;
  const money = (amount: bigint) => `${heading.currency} ${formatMinor(amount, heading.currency)}`;
  const rows: Array<[string, bigint]> = [
    ['Balance', totals.balance],
    ['Overdue', totals.overdue],
    ...heading.periods.map((period, i): [string, bigint] => [period.label, totals.buckets[i]!]),
  ];
  const link = `${mail.origin}/workspace?asOf=${heading.asOf}`;
  const attached = xlsx.byteLength < MAX_INLINE_ATTACHMENT_BYTES;
  const note = attached
    ? 'The report of every customer is attached as an Excel workbook.'
    : `The workbook (${(xlsx.byteLength / 2 ** 20).toFixed(1)} MB) is too large to attach: download it from the report view.`;
  const html = [
    `<p>Aged receivables of ${mail.customers} customers as of ${heading.asOf}, by ${heading.by === 'due_date' ? 'due date' : 'document date'}.</p>`,
    '<table>',
    ...rows.map(([label, amount]) => `<tr><th align="left">${escapeHtml(label)}</th><td align="right">${money(amount)}</td></tr>`),
    '</table>',
    `<p>${note} <a href="${escapeHtml(link)}">Open the report</a>.</p>`,
  ].join('\n');
  const to = mail.to.name ? { address: mail.to.email, name: mail.to.name } : { address: mail.to.email };
  return {
    message: {
      subject: `Aged receivables as of ${heading.asOf}`,
      body: { contentType: 'html', content: html },
      toRecipients: [{ emailAddress: to }],
      ...(attached && {
        attachments: [
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: `aged-receivables-${heading.asOf}.xlsx`,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            contentBytes: Buffer.from(xlsx).toString('base64'),
          },
        ],
      }),
    },
    saveToSentItems: true,
  };
}
