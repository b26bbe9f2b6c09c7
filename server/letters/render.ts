// Renders a letter from its input: the view both outputs share, the email HTML and the PDF.
import { renderLetterHtml } from './html';
import { renderLetterPdf } from './pdf';
import { buildLetterView, type LetterInput } from './view';

/** Graph takes attachments under 3 MB inline; larger ones would need an upload session. */
export const MAX_INLINE_ATTACHMENT_BYTES = 3 * 1024 * 1024;

export interface RenderedLetter {
  subject: string;
  html: string;
  pdf: Buffer;
}

export async function renderLetter(input: LetterInput): Promise<RenderedLetter> {
  const view = buildLetterView(input);
  const pdf = await renderLetterPdf(view);
  if (pdf.byteLength >= MAX_INLINE_ATTACHMENT_BYTES) {
    throw new RangeError(`Letter ${input.number} renders to ${pdf.byteLength} bytes of PDF; attachments of 3 MB or more are not supported.`);
  }
  return { subject: view.subject, html: renderLetterHtml(view), pdf };
}
