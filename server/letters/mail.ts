// A posted letter as a Graph sendMail request (HTML body, PDF as a file attachment), queued in the
// outbox in the caller's transaction under one key per letter, so it is sent at most once.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
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

export async function enqueueLetterMail(trx: Transaction<Database>, letterId: string, agentId: string, mail: LetterMail): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      agent_id: agentId,
      kind: 'mail',
      idempotency_key: letterMailKey(letterId),
      // The outbox schema types payload as a generated column; a typed cast states the jsonb value.
      payload: sql<never>`${JSON.stringify(sendMailBody(mail))}::jsonb`,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}
