// The MailHost over office.js: the only module that reads `Office.*`. It turns the selected item into
// a snapshot, relays ItemChanged (one registration, many listeners) and converts ids for REST/Graph.
import type { MailAddress, MailHost, MailItemSnapshot } from './host';
import { displayReplyForm } from './reply';

type OfficeApi = typeof Office;
type OfficeItem = NonNullable<typeof Office.context.mailbox.item>;

export interface OfficeMailHost extends MailHost {
  /** Settles once the first item's asynchronous fields (compose recipients) have been read. */
  ready: Promise<void>;
}

/** Call once, after `Office.onReady`. */
export function createOfficeHost(office: OfficeApi): OfficeMailHost {
  const mailbox = office.context.mailbox;
  const supports = (version: string) => office.context.requirements?.isSetSupported('Mailbox', version) ?? false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  let item: OfficeItem | null = null;
  let snapshot: MailItemSnapshot | null = null;
  let generation = 0;

  // Reads the selected item afresh. Compose recipients arrive asynchronously; a later item wins
  // over an earlier item's late answer.
  const load = (): Promise<void> => {
    const mine = ++generation;
    item = mailbox.item ?? null;
    const current = item;
    if (!current) {
      snapshot = null;
      return Promise.resolve();
    }
    if (!isCompose(current)) {
      const subject = typeof current.subject === 'string' ? current.subject : '';
      snapshot = snapshotOf(office, current, 'read', subject, readCounterparts(current));
      return Promise.resolve();
    }
    snapshot = snapshotOf(office, current, 'compose', '', []);
    return readCompose(office, current).then(
      ({ subject, recipients }) => {
        if (mine !== generation) return;
        snapshot = snapshotOf(office, current, 'compose', subject, recipients);
        notify();
      },
      // Unreadable recipients leave the empty list: the pane then shows no customer, not an error.
      () => undefined,
    );
  };

  const ready = load();

  // Without Mailbox 1.5 there is no pinning: Outlook closes the pane when the selection changes.
  if (supports('1.5')) {
    mailbox.addHandlerAsync(office.EventType.ItemChanged, () => {
      void load();
      notify();
    });
  }
  const first = mailbox.item;
  if (first && isCompose(first) && supports('1.7')) {
    first.addHandlerAsync(office.EventType.RecipientsChanged, () => void load());
  }

  return {
    ready,
    displayLanguage: office.context.displayLanguage || 'en-US',
    isDarkTheme: () => isDark(office.context.officeTheme?.bodyBackgroundColor),
    currentItem() {
      // Some hosts swap the item without firing ItemChanged: notice it on read.
      if ((mailbox.item ?? null) !== item) void load();
      return snapshot;
    },
    onItemChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    displayReplyForm: (htmlBody, attachments) => displayReplyForm(office, htmlBody, attachments),
  };
}

/** EWS-style item id (what office.js gives) to the REST/Graph form. */
export function toRestId(office: OfficeApi, ewsId: string): string {
  return office.context.mailbox.convertToRestId(ewsId, office.MailboxEnums.RestVersion.v2_0);
}

/** Dark when the background is closer to black than to white in relative luminance (WCAG). */
export function isDark(hexColour: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hexColour ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1, 4).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  // 0.179 is where contrast against black equals contrast against white.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.179;
}

function isCompose(item: OfficeItem): boolean {
  // In compose, recipients are objects with getAsync; in read mode they are plain arrays.
  return typeof (item.to as { getAsync?: unknown } | undefined)?.getAsync === 'function';
}

function readCounterparts(item: OfficeItem): MailAddress[] {
  const from = item.from ?? item.sender;
  return from?.emailAddress ? [address(from)] : [];
}

/** Compose fields are asynchronous in office.js: the subject and the recipients (to, then cc). */
async function readCompose(office: OfficeApi, item: OfficeItem) {
  const read = <T>(field: { getAsync(callback: (result: Office.AsyncResult<T>) => void): void }) =>
    new Promise<T>((resolve, reject) =>
      field.getAsync((result) =>
        result.status === office.AsyncResultStatus.Failed
          ? reject(new Error(result.error?.message ?? 'field unavailable'))
          : resolve(result.value),
      ),
    );
  const [subject, to, cc] = await Promise.all([
    read<string>(item.subject as unknown as Office.Subject),
    read<Office.EmailAddressDetails[]>(item.to),
    read<Office.EmailAddressDetails[]>(item.cc),
  ]);
  return { subject: subject ?? '', recipients: [...(to ?? []), ...(cc ?? [])].map(address) };
}

function snapshotOf(
  office: OfficeApi,
  item: OfficeItem,
  mode: 'read' | 'compose',
  subject: string,
  counterparts: MailAddress[],
): MailItemSnapshot {
  return {
    itemId: mode === 'read' ? (item.itemId ?? null) : null,
    mode,
    subject,
    counterparts,
    // Not instanceof Date: the preview's stand-in makes its dates in the parent window's realm.
    ...(mode === 'read' && typeof item.dateTimeCreated?.toISOString === 'function' ? { receivedAt: item.dateTimeCreated.toISOString() } : {}),
    getBodyText: () =>
      new Promise((resolve, reject) =>
        item.body.getAsync(office.CoercionType.Text, (result) =>
          result.status === office.AsyncResultStatus.Failed
            ? reject(new Error(result.error?.message ?? 'body unavailable'))
            : resolve(result.value ?? ''),
        ),
      ),
  };
}

function address(details: Office.EmailAddressDetails): MailAddress {
  return { displayName: details.displayName ?? '', emailAddress: details.emailAddress ?? '' };
}
