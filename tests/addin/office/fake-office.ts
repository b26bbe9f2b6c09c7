// A test double of office.js's Outlook surface (office-addin-mock is not a dependency): read and
// compose items, ItemChanged/RecipientsChanged with registration counts, and the documented
// EWS → REST id transform ('/' → '-', '+' → '_').

type Result<T> = { status: number; value: T; error?: { message: string } };
type Callback<T> = (result: Result<T>) => void;
type Address = { displayName: string; emailAddress: string };

const SUCCEEDED = 0;
const FAILED = 1;
const later = (fn: () => void) => setTimeout(fn, 0);

function asyncField<T>(get: () => T, fail = false) {
  return {
    getAsync(callback: Callback<T>) {
      later(() => callback(fail ? { status: FAILED, value: undefined as T, error: { message: 'denied' } } : { status: SUCCEEDED, value: get() }));
    },
  };
}

export function readItem(opts: { id: string; from: Address; subject: string; body: string; receivedAt?: string }) {
  return {
    itemId: opts.id,
    ...(opts.receivedAt ? { dateTimeCreated: new Date(opts.receivedAt) } : {}),
    itemType: 'message',
    subject: opts.subject,
    from: opts.from,
    sender: opts.from,
    to: [] as Address[],
    cc: [] as Address[],
    body: {
      getAsync(_coercion: string, callback: Callback<string>) {
        later(() => callback({ status: SUCCEEDED, value: opts.body }));
      },
    },
    replies: [] as unknown[],
    displayReplyForm(form: unknown) {
      this.replies.push(form);
    },
  };
}

export function composeItem(opts: { to: Address[]; cc: Address[]; subject: string; failRecipients?: boolean }) {
  const handlers: Array<() => void> = [];
  const item = {
    to: asyncField(() => opts.to, opts.failRecipients),
    cc: asyncField(() => opts.cc, opts.failRecipients),
    subject: asyncField(() => opts.subject),
    body: {
      getAsync(_coercion: string, callback: Callback<string>) {
        later(() => callback({ status: SUCCEEDED, value: 'draft' }));
      },
    },
    addHandlerAsync(_type: string, handler: () => void) {
      handlers.push(handler);
    },
    /** The user edits the recipients: Outlook raises RecipientsChanged. */
    setTo(to: Address[]) {
      opts.to = to;
      for (const h of handlers) later(h);
    },
  };
  return item;
}

export function createTestOffice(opts: {
  item: unknown;
  /** Highest Mailbox minor version the host supports (5 = Mailbox 1.5). */
  mailboxMinor?: number;
  bodyBackgroundColor?: string;
  displayLanguage?: string;
}) {
  const registrations: Array<{ type: string; handler: () => void }> = [];
  const mailbox = {
    item: opts.item as unknown,
    addHandlerAsync(type: string, handler: () => void, callback?: Callback<void>) {
      registrations.push({ type, handler });
      callback?.({ status: SUCCEEDED, value: undefined });
    },
    convertToRestId(id: string, version: string) {
      if (version !== 'v2.0') throw new Error(`unexpected REST version ${version}`);
      return id.replace(/\//g, '-').replace(/\+/g, '_');
    },
  };
  const office = {
    context: {
      displayLanguage: opts.displayLanguage ?? 'en-US',
      officeTheme: opts.bodyBackgroundColor ? { bodyBackgroundColor: opts.bodyBackgroundColor } : undefined,
      requirements: {
        isSetSupported: (name: string, v = '1.1') => name === 'Mailbox' && Number(v.split('.')[1]) <= (opts.mailboxMinor ?? 14),
      },
      mailbox,
    },
    EventType: { ItemChanged: 'olkItemSelectedChanged', RecipientsChanged: 'olkRecipientsChanged' },
    CoercionType: { Text: 'text' },
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    MailboxEnums: { RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0' } },
  };
  return {
    office: office as unknown as typeof Office,
    /** Registrations of a mailbox event, e.g. 'olkItemSelectedChanged'. */
    handlersFor: (type: string) => registrations.filter((r) => r.type === type).length,
    /** The user selects another item (or none): Outlook swaps the item, then raises ItemChanged. */
    select(item: unknown) {
      mailbox.item = item;
      for (const r of registrations) if (r.type === 'olkItemSelectedChanged') later(r.handler);
    },
  };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 5));
