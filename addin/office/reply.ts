// Opens a reply to the selected message with an HTML body and file attachments, over office.js:
// displayReplyFormAsync where the host has it (Mailbox 1.9), else the older displayReplyForm.
import type { ReplyAttachment } from './host';

type OfficeItem = NonNullable<typeof Office.context.mailbox.item>;

/** False when nothing is selected or the item is being written (a reply needs a received message). */
export async function displayReplyForm(office: typeof Office, htmlBody: string, attachments: ReplyAttachment[] = []): Promise<boolean> {
  const item = office.context.mailbox.item;
  if (!item || typeof (item.to as { getAsync?: unknown } | undefined)?.getAsync === 'function') return false;
  const supports = (version: string) => office.context.requirements?.isSetSupported('Mailbox', version) ?? false;
  // By content where the host allows it: the file URL is behind the pane's sign-in, which the
  // mail client downloading it does not have.
  const byContent = supports('1.15');
  const files = attachments.map((a): Office.ReplyFormAttachment =>
    byContent && a.base64 ? { type: kind('base64'), name: a.name, base64file: a.base64 } : { type: kind('file'), name: a.name, url: a.url },
  );
  const form: Office.ReplyFormData = files.length > 0 ? { htmlBody, attachments: files } : { htmlBody };
  if (supports('1.9') && typeof item.displayReplyFormAsync === 'function') return replyAsync(office, item, form);
  item.displayReplyForm(form);
  return true;
}

/** office.js's AttachmentType values are these strings; the preview and test doubles have no enum. */
function kind(type: 'base64' | 'file'): Office.MailboxEnums.AttachmentType {
  return type as Office.MailboxEnums.AttachmentType;
}

function replyAsync(office: typeof Office, item: OfficeItem, form: Office.ReplyFormData): Promise<boolean> {
  return new Promise((resolve, reject) =>
    item.displayReplyFormAsync(form, (result) =>
      result.status === office.AsyncResultStatus.Failed
        ? reject(new Error(`The reply form could not open: ${result.error?.message ?? 'unknown error'}.`))
        : resolve(true),
    ),
  );
}
