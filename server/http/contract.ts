// The JSON the server answers, as TypeScript types: the add-in's API client imports these (types
// only), the routes' JSON schemas describe the same shapes. Money in JSON is an integer count of
// minor units with the currency named in the same object (as payment APIs do); dates are
// 'YYYY-MM-DD'; instants are ISO 8601 UTC strings.

export type IsoDate = string;

export interface ApiError {
  /** Machine-readable, e.g. 'invalid_query', 'not_found', 'import_rejected'. */
  code: string;
  /** A human sentence that names the field. */
  message: string;
  details?: unknown;
}

export interface LookupMatch {
  id: string;
  account: string;
  name: string;
  matchedBy: 'contact' | 'domain';
}
export interface LookupResponse {
  matches: LookupMatch[];
}

export type AccountStatus = 'active' | 'on_hold' | 'blocked';

export interface CustomerListItem {
  id: string;
  account: string;
  name: string;
  status: AccountStatus;
  currency: string;
}
export interface CustomerSearchResponse {
  items: CustomerListItem[];
  total: number;
  limit: number;
  offset: number;
}

export interface AgingBucket {
  label: string;
  /** Inclusive lower bound of days overdue; 'Current' is { fromDays: null, toDays: 0 }. */
  fromDays: number | null;
  /** Inclusive upper bound; null for the open-ended last bucket. */
  toDays: number | null;
  amount: number;
}

export interface PaymentMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Invoices due in that month. */
  invoices: number;
  paidOnTime: number;
  paidLate: number;
  /** Due that month and still open (or settled after the as-of date). */
  unpaid: number;
  state: 'on_time' | 'late' | 'none';
}

export interface CurrencyBalance {
  currency: string;
  balance: number;
  overdue: number;
}

export interface CustomerSummary {
  customer: {
    id: string;
    account: string;
    name: string;
    group: string | null;
    salesArea: string | null;
    paymentTerms: string | null;
    /** The customer's own transaction currency. */
    currency: string;
    status: AccountStatus;
    customerSince: IsoDate | null;
    domains: string[];
  };
  asOf: IsoDate;
  /** The accounting currency: every amount below is in it unless an object names another. */
  currency: string;
  balance: number;
  overdue: number;
  creditLimit: number | null;
  creditRemaining: number | null;
  creditRating: string | null;
  creditRatingSource: 'imported' | 'derived' | null;
  aging: AgingBucket[];
  /** 60 days prior, 30 days prior, the as-of date: oldest first. */
  overdueHistory: { asOf: IsoDate; amount: number }[];
  outstandingInvoices: number;
  balancesByCurrency: CurrencyBalance[];
  paymentHistory: {
    /** Share (0..1) of invoices settled in the last 12 months that were settled by their due date. */
    onTimeShare: number | null;
    /** Amount-weighted average days late over the same invoices (early counts as 0). */
    averageDaysLate: number | null;
    /** Days sales outstanding: balance / invoiced in the last 90 days × 90. */
    dso: number | null;
    /** The 12 months up to the as-of date, oldest first. */
    months: PaymentMonth[];
  };
  collection: { promises: number; brokenPromises: number; disputes: number };
}

export type LedgerKind =
  | 'invoice'
  | 'payment'
  | 'credit_note'
  | 'fee'
  | 'interest'
  | 'write_off'
  | 'nsf_reversal'
  | 'adjustment';

export type CollectionStatus = 'none' | 'promise_to_pay' | 'promise_broken' | 'disputed' | 'resolved';

export interface TransactionItem {
  id: string;
  kind: LedgerKind;
  document: string;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  /** Transaction currency of amount and open. */
  currency: string;
  amount: number;
  open: number;
  /** In the accounting currency. */
  openAccounting: number;
  /** 0 when not overdue (and for credits). */
  daysOverdue: number;
  collectionStatus: CollectionStatus;
  statusDate: IsoDate | null;
  promiseDate: IsoDate | null;
  promiseAmount: number | null;
  disputeReason: string | null;
}
export interface TransactionsResponse {
  asOf: IsoDate;
  accountingCurrency: string;
  items: TransactionItem[];
  /** Open amount per transaction currency. */
  totals: { currency: string; open: number }[];
}

export interface SettlementRef {
  document: string;
  kind: LedgerKind;
  date: IsoDate;
  /** In `currency` of the entry that carries this ref. */
  amount: number;
}

export interface TimelineEntry {
  id: string;
  type: LedgerKind | 'letter' | 'activity';
  date: IsoDate;
  /** Document number, letter number, or the activity's purpose. */
  title: string;
  currency: string | null;
  amount: number | null;
  dueDate: IsoDate | null;
  /** Open amount today (transactions only). */
  open: number | null;
  /** For debits: the credits that settled it; for credits: the debits it settled. */
  settlements: SettlementRef[];
  /** Free details a hover card shows (status, level, outcome…). */
  details: Record<string, string | number | null>;
}
export interface TimelineResponse {
  from: IsoDate;
  to: IsoDate;
  entries: TimelineEntry[];
}

export interface ImportFileReport {
  file: string;
  kind: 'customers' | 'contacts' | 'ledger' | 'settlements';
  rows: number;
}
export interface ImportError {
  file: string;
  line: number;
  column: string | null;
  reason: string;
}
export interface ImportResponse {
  files: ImportFileReport[];
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A simulated email of the preview mailbox (GET /api/preview/mailbox). */
export interface PreviewEmail {
  id: string;
  from: { displayName: string; emailAddress: string };
  to: { displayName: string; emailAddress: string }[];
  subject: string;
  body: string;
  /** ISO 8601 UTC instant. */
  receivedAt: string;
}
export interface PreviewMailboxResponse {
  emails: PreviewEmail[];
}

/** POST /api/customers/:id/contacts: links a sender's address to a customer. */
export interface LinkContactRequest {
  email: string;
  name?: string;
}
export interface ContactResponse {
  id: string;
  customerId: string;
  /** Lower-cased. */
  email: string;
  name: string | null;
}

// Collection letters (issue 6).

export interface LetterLineItem {
  entryId: string;
  document: string;
  postingDate: IsoDate;
  dueDate: IsoDate;
  /** Transaction currency of `open`. */
  currency: string;
  open: number;
  /** In the accounting currency. */
  openAccounting: number;
  daysOverdue: number;
}

export interface LetterFeeAmount {
  currency: string;
  amount: number;
  /** The same fee in the accounting currency. */
  amountAccounting: number;
}

export type NoLetterReason = 'excluded' | 'no_levels' | 'nothing_overdue' | 'not_due_yet' | 'below_minimum';

export interface LetterProposalResponse {
  customer: { id: string; account: string; name: string };
  asOf: IsoDate;
  accountingCurrency: string;
  sequence: { id: string; name: string } | null;
  due: boolean;
  /** Why no letter is due; null when one is. */
  reason: NoLetterReason | null;
  /** The level due (or next, when none is due yet). */
  level: { level: number; name: string; days: number } | null;
  /** When the next level falls due on today's ledger ('not_due_yet'). */
  dueOn: IsoDate | null;
  lines: LetterLineItem[];
  totals: { currency: string; open: number }[];
  totalAccounting: number;
  fee: LetterFeeAmount | null;
}

export interface BatchProposalResponse {
  asOf: IsoDate;
  agentId: string | null;
  accountingCurrency: string;
  /** The customers due a letter. */
  items: LetterProposalResponse[];
  /** How many customers are not due a letter, by reason. */
  notDue: Partial<Record<NoLetterReason, number>>;
}

export type LetterDelivery = 'reply' | 'graph';

export interface CollectionLetterResponse {
  id: string;
  number: string;
  customerId: string;
  level: number;
  levelName: string;
  letterDate: IsoDate;
  language: string;
  delivery: LetterDelivery;
  /** 'sent' once Graph accepted the mail (or the pane reported the reply sent); 'failed' when Graph refused it. */
  status: 'posted' | 'sent' | 'failed';
  subject: string;
  recipient: string | null;
  accountingCurrency: string;
  totals: { currency: string; open: number }[];
  totalAccounting: number;
  fee: LetterFeeAmount | null;
  feeEntryId: string | null;
  lines: LetterLineItem[];
  postedBy: string;
  /** ISO 8601 UTC instant. */
  postedAt: string;
  htmlUrl: string;
  pdfUrl: string;
  /** False when an earlier post with the same key (or the same customer, level and date) was returned. */
  created?: boolean;
}

/** POST /api/letters/:id/pdf-link: a URL of the letter's PDF that needs no sign-in until it expires. */
export interface LetterPdfLinkResponse {
  /** Server-relative: /letters/<id>.pdf?exp=<unix seconds>&sig=<base64url HMAC>. */
  url: string;
  /** ISO 8601 UTC instant. */
  expiresAt: string;
}

export type BatchItemState = 'pending' | 'posted' | 'sent' | 'skipped' | 'failed';

export interface LetterBatchResponse {
  id: string;
  asOf: IsoDate;
  delivery: LetterDelivery;
  status: 'running' | 'interrupted' | 'done';
  counts: Record<BatchItemState, number>;
  items: {
    customerId: string;
    account: string;
    name: string;
    state: BatchItemState;
    reason: string | null;
    letterId: string | null;
    letterNumber: string | null;
  }[];
}

export type ActivityType = 'call' | 'task' | 'appointment' | 'event' | 'note' | 'email';
export type ActivityOutcome = 'reached' | 'left_message' | 'no_answer' | 'promise_to_pay' | 'dispute' | 'wrong_contact';
export type ActivityStatus = 'open' | 'completed' | 'cancelled';
export type ActivitySyncState = 'not_configured' | 'pending' | 'synced' | 'failed';

/** POST /api/customers/:id/activities (header Idempotency-Key replays the first result). */
export interface CreateActivityRequest {
  type: ActivityType;
  purpose: string;
  outcome?: ActivityOutcome | null;
  notes?: string | null;
  contact?: string | null;
  durationMinutes?: number | null;
  /** ISO 8601 instants. A call without startAt happened now. */
  startAt?: string | null;
  endAt?: string | null;
  dueAt?: string | null;
  followUpAt?: string | null;
  ledgerEntryIds?: string[];
  /** Required with outcome promise_to_pay: amounts in minor units of each transaction's currency. */
  promise?: { date: IsoDate; items: Array<{ transactionId: string; amount: number; currency: string }> };
  /** Required with outcome dispute. */
  dispute?: { reasonCode: string; transactionIds: string[] };
}

/** PATCH /api/activities/:id: edit, complete (status completed) or cancel (status cancelled). */
export type UpdateActivityRequest = Partial<
  Pick<CreateActivityRequest, 'purpose' | 'outcome' | 'notes' | 'contact' | 'durationMinutes' | 'startAt' | 'endAt' | 'dueAt' | 'followUpAt'>
> & { status?: ActivityStatus };

export interface ActivityHistoryItem {
  at: string;
  source: 'app' | 'outlook';
  actor: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  /** A change that lost to a later one (last change wins); kept so both sides show. */
  superseded?: boolean;
}

export interface Activity {
  id: string;
  customerId: string;
  type: ActivityType;
  purpose: string;
  outcome: ActivityOutcome | null;
  notes: string | null;
  contact: string | null;
  durationMinutes: number | null;
  startAt: string | null;
  endAt: string | null;
  dueAt: string | null;
  followUpAt: string | null;
  status: ActivityStatus;
  ownerAgentId: string;
  ledgerEntryIds: string[];
  createdAt: string;
  updatedAt: string;
  /** Outlook calendar / To Do sync: not_configured when the server has no Graph access. */
  sync: { state: ActivitySyncState; eventId?: string; taskId?: string; error?: string };
  history: ActivityHistoryItem[];
}
export interface ActivityListResponse {
  items: Activity[];
}

/** GET /api/auth/config (no token needed): how the pane signs in. Development mode needs no token. */
export interface AuthConfigResponse {
  mode: 'development' | 'entra';
  clientId: string | null;
  authority: string | null;
  /** The API scope the pane asks a token for, e.g. 'api://<client id>/access_as_user'. */
  apiScope: string | null;
}
