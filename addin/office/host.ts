// The pane's only view of the mail client. `office/mailbox.ts` implements it over office.js;
// the preview and the tests implement it over a simulated mailbox. Nothing else in the pane
// touches `Office.*`.

export interface MailAddress {
  displayName: string;
  emailAddress: string;
}

/** The item the agent has selected (read mode) or is writing (compose mode). */
export interface MailItemSnapshot {
  /** EWS-style id from office.js (null in compose before save). */
  itemId: string | null;
  mode: 'read' | 'compose';
  subject: string;
  /** Read mode: the sender; compose: the recipients (to, then cc). */
  counterparts: MailAddress[];
  /** When a received item arrived (ISO 8601 instant); absent in compose and where the host does not say. */
  receivedAt?: string;
  /** Plain-text body, read lazily because hosts make it an async call. */
  getBodyText(): Promise<string>;
}

export interface MailHost {
  /** Office display language, e.g. 'en-US'; used for Intl formatting. */
  displayLanguage: string;
  /** Office theme: true when the host shows a dark theme. */
  isDarkTheme(): boolean;
  /** The current item, or null when nothing is selected (a normal state when pinned). */
  currentItem(): MailItemSnapshot | null;
  /**
   * Calls `listener` whenever the selected item changes (pinned pane). Registered once; returns
   * an unsubscribe function.
   */
  onItemChanged(listener: () => void): () => void;
  /** Opens a reply form with an HTML body and attachments (letters); false when unsupported. */
  displayReplyForm?(htmlBody: string, attachments?: ReplyAttachment[]): Promise<boolean>;
}

/** A file for a reply form: hosts fetch `url` themselves, or take `base64` where they can (Mailbox 1.15). */
export interface ReplyAttachment {
  name: string;
  /** Absolute URL the mail client downloads the file from. */
  url: string;
  /** The file's bytes, base64: needed when the URL requires the pane's sign-in. */
  base64?: string;
}
