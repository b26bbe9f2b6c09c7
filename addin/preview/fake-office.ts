// The preview's stand-in for office.js: the subset of `Office` the pane's adapter uses, over a
// simulated mailbox. Selecting an email swaps `mailbox.item` and fires ItemChanged, as Outlook does.
import type { PreviewEmail } from '../../server/http/schemas/preview';

type Callback<T> = (result: { status: number; value: T; error?: { message: string } }) => void;
type Handler = (args: { type: string }) => void;

const SUCCEEDED = 0;
const ITEM_CHANGED = 'olkItemSelectedChanged';

export interface PreviewOfficeControls {
  /** The object handed to `createOfficeHost`, typed as office.js (only the used subset exists). */
  office: typeof Office;
  /** Selects an email (null: nothing selected) and fires ItemChanged. */
  select(email: PreviewEmail | null): void;
  setDark(dark: boolean): void;
  /** Takes effect when the pane next loads, as in Office. */
  setDisplayLanguage(language: string): void;
  /** Forgets the handlers of a pane about to reload (its functions die with its frame). */
  detachHandlers(): void;
  /** The reply forms the pane opened, oldest first (also on `office.context.mailbox.replyForms`). */
  replyForms: readonly ReplyForm[];
}

/** An EWS-style id (base64, with '/' and '+') for a preview email, so REST conversion is exercised. */
export function ewsIdFor(email: PreviewEmail): string {
  const bytes = new TextEncoder().encode(`preview/${email.id}`);
  return `AAMkAD+/${btoa(String.fromCharCode(...bytes))}`;
}

/** '1.14' → 14: requirement-set versions compare by their minor number, not as decimals. */
function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

function itemFor(email: PreviewEmail, onReplyForm: (form: ReplyForm) => void) {
  return {
    itemId: ewsIdFor(email),
    itemType: 'message',
    subject: email.subject,
    from: { ...email.from, recipientType: 'other' },
    sender: { ...email.from, recipientType: 'other' },
    to: email.to.map((a) => ({ ...a, recipientType: 'user' })),
    cc: [],
    dateTimeCreated: new Date(email.receivedAt),
    body: {
      getAsync(_coercion: string, optionsOrCallback: unknown, maybeCallback?: Callback<string>) {
        const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback<string>;
        setTimeout(() => callback({ status: SUCCEEDED, value: email.body }), 0);
      },
    },
    displayReplyForm(form: string | ReplyForm) {
      onReplyForm(typeof form === 'string' ? { htmlBody: form } : form);
    },
    displayReplyFormAsync(form: string | ReplyForm, optionsOrCallback?: unknown, maybeCallback?: Callback<void>) {
      onReplyForm(typeof form === 'string' ? { htmlBody: form } : form);
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback<void> | undefined;
      setTimeout(() => callback?.({ status: SUCCEEDED, value: undefined }), 0);
    },
  };
}

/** What the pane put in a reply form (office.js ReplyFormData, the parts the preview knows). */
export interface ReplyForm {
  htmlBody?: string;
  attachments?: Array<{ type: string; name: string; url?: string; base64file?: string }>;
}

export function createPreviewOffice(opts: {
  displayLanguage: string;
  dark: boolean;
  /** The preview has no compose window: it shows what the pane asked to reply with. */
  onReplyForm: (htmlBody: string) => void;
}): PreviewOfficeControls {
  let handlers: Handler[] = [];
  const theme = { bodyBackgroundColor: '#FFFFFF' };
  const setDark = (dark: boolean) => {
    theme.bodyBackgroundColor = dark ? '#292929' : '#FFFFFF';
  };
  setDark(opts.dark);

  // Every reply form the pane opened, newest last: the end-to-end tests read it from the page.
  const replyForms: ReplyForm[] = [];
  const recordReply = (form: ReplyForm) => {
    replyForms.push(form);
    opts.onReplyForm(form.htmlBody ?? '');
  };
  const mailbox = {
    item: null as ReturnType<typeof itemFor> | null,
    replyForms,
    addHandlerAsync(type: string, handler: Handler, callback?: Callback<void>) {
      if (type === ITEM_CHANGED) handlers.push(handler);
      callback?.({ status: SUCCEEDED, value: undefined });
    },
    convertToRestId(id: string) {
      return id.replace(/\//g, '-').replace(/\+/g, '_');
    },
  };

  const office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: opts.displayLanguage,
      officeTheme: theme,
      requirements: { isSetSupported: (name: string, version = '1.1') => name === 'Mailbox' && minor(version) <= 14 },
      mailbox,
    },
    EventType: { ItemChanged: ITEM_CHANGED, RecipientsChanged: 'olkRecipientsChanged' },
    CoercionType: { Text: 'text', Html: 'html' },
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: 1 },
    MailboxEnums: { RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0' }, ItemType: { Message: 'message' } },
  };

  return {
    office: office as unknown as typeof Office,
    replyForms,
    select(email) {
      mailbox.item = email ? itemFor(email, recordReply) : null;
      // Outlook raises ItemChanged asynchronously, after the item has changed.
      setTimeout(() => {
        for (const handler of handlers) handler({ type: ITEM_CHANGED });
      }, 0);
    },
    setDark,
    setDisplayLanguage(language) {
      office.context.displayLanguage = language;
    },
    detachHandlers() {
      handlers = [];
    },
  };
}
