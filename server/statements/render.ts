// Renders a statement from its input: the view both outputs share, the email HTML and the PDF.
import { MAX_INLINE_ATTACHMENT_BYTES } from '../letters/render';
import { renderStatementHtml } from './html';
import { renderStatementPdf } from './pdf';
import { buildStatementView, type StatementInput } from './view';

export interface RenderedStatement {
  subject: string;
  html: string;
  pdf: Buffer;
}

export async function renderStatement(input: StatementInput): Promise<RenderedStatement> {
  const view = buildStatementView(input);
  const pdf = await renderStatementPdf(view);
  if (pdf.byteLength >= MAX_INLINE_ATTACHMENT_BYTES) {
    throw new RangeError(`Statement ${input.number} renders to ${pdf.byteLength} bytes of PDF; attachments of 3 MB or more are not supported.`);
  }
  return { subject: view.subject, html: renderStatementHtml(view), pdf };
}
