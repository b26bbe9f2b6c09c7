// A posted letter as a Graph sendMail request (HTML body, PDF as a file attachment), and the one
// outbox key per letter under which it is queued (store/letters.ts), so it is sent at most once.
import { MAX_INLINE_ATTACHMENT_BYTES } from './render';

export interface LetterMail {
  number: string;
  subject: string;
  html: string;
  pdf: Uint8Array;
  to: { email: string; name: string | null };
}

/** The body of POST /me/sendMail (the outbox worker sends it on behalf of the posting agent). */
export function sendMailBody(mail: LetterMail): Record<string, unknown> {
  // Inline attachments must stay under 3 MB; larger ones would need an upload session.
  if (mail.pdf.byteLength >= MAX_INLINE_ATTACHMENT_BYTES) {
    throw new RangeError(`The PDF of letter ${mail.number} is ${mail.pdf.byteLength} bytes; 3 MB or more needs an upload session.`);
  }
  return {
    message: {
      subject: mail.subject,
      body: { contentType: 'html', content: mail.html },
      toRecipients: [{ emailAddress: mail.to.name ? { address: mail.to.email, name: mail.to.name } : { address: mail.to.email } }],
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: `${mail.number}.pdf`,
          contentType: 'application/pdf',
          contentBytes: Buffer.from(mail.pdf).toString('base64'),
        },
      ],
    },
    saveToSentItems: true,
  };
}

export function letterMailKey(letterId: string): string {
  return `letter-mail:${letterId}`;
}
