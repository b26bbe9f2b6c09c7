// The database as one TypeScript interface: every Kysely query is checked against it.
// Columns mirror server/db/migrations; int8 columns arrive as bigint (see kysely.ts type parsers),
// `date` columns as 'YYYY-MM-DD' strings, timestamptz as Date.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { AccountStatus, AgentRole, CollectionStatus, LedgerKind } from '../domain/types';
import type { ReasonCodeKind } from '../domain/actions/reason-codes';
import type { PostingKind } from '../domain/actions/open-items';
import type { WriteOffStatus } from '../domain/actions/write-off';
import type { InterestPeriod } from '../domain/interest';
import type { ActivityHistoryEntry, ActivityOutcome, ActivityStatus, ActivitySyncState, ActivityType } from '../domain/activities';

type DateCol = ColumnType<string, string, string>;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CustomersTable {
  id: Generated<string>;
  account: string;
  name: string;
  customer_group: string | null;
  sales_area: string | null;
  payment_terms: string | null;
  currency: string;
  credit_limit: bigint | null;
  credit_rating: string | null;
  status: AccountStatus;
  customer_since: DateCol | null;
  domains: string[];
  default_agent_id: string | null;
  letters_excluded: Generated<boolean>;
  created_at: Generated<Instant>;
  updated_at: Generated<Instant>;
  /** Migration 003: the customer's letter sequence (null: the default sequence) and postal address. */
  letter_sequence_id: Generated<string | null>;
  postal_address: Generated<string | null>;
  /** Migration 015: the customer's interest code (null: the default code). */
  interest_code: Generated<string | null>;
}

export interface ContactsTable {
  id: Generated<string>;
  customer_id: string;
  name: string | null;
  /** Lower-cased; unique per customer. */
  email: string;
  phone: string | null;
  role: string | null;
  created_at: Generated<Instant>;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  customer_id: string;
  external_id: string | null;
  kind: LedgerKind;
  document: string;
  posting_date: DateCol;
  due_date: DateCol | null;
  currency: string;
  amount: bigint;
  amount_accounting: bigint;
  collection_status: Generated<CollectionStatus>;
  status_date: DateCol | null;
  promise_date: DateCol | null;
  promise_amount: bigint | null;
  dispute_reason: string | null;
  /** Total of the entry's settlements (a magnitude), kept by triggers on settlements. */
  settled_amount: Generated<bigint>;
  /** Date of the entry's latest settlement, kept by triggers on settlements. */
  last_settled_on: DateCol | null;
  /** The day the entry was fully settled; null while anything is open (a generated column). */
  closed_on: GeneratedAlways<DateCol | null>;
  created_at: Generated<Instant>;
  /** Migration 008: bumped by a trigger whenever what an agent sees of the entry changes. */
  version: Generated<number>;
  /** Migration 008: the agent (or system actor) who set the collection status. */
  status_set_by: Generated<string | null>;
  /** Migration 016: an https link to the entry's document (the invoice copy). */
  document_url: Generated<string | null>;
}

export interface SettlementsTable {
  id: Generated<string>;
  debit_id: string;
  credit_id: string;
  /** In the (shared) currency of the debit and the credit. */
  amount: bigint;
  settled_on: DateCol;
  created_at: Generated<Instant>;
  /** Migration 008: the agent who settled here (null: imported from the ERP, not reversible here). */
  created_by: Generated<string | null>;
  /** Migration 008: the settlement this negative one reverses. */
  reversal_of: Generated<string | null>;
  /** Migration 008: when a settlement made here was reversed. */
  reversed_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgentsTable {
  id: Generated<string>;
  /** Entra ID object id (`oid`); null for agents known only by email (imported). */
  entra_oid: string | null;
  email: string;
  name: string | null;
  role: Generated<AgentRole>;
  default_pool: string | null;
  /** In the accounting currency; null means no write-off rights. */
  write_off_limit: bigint | null;
  created_at: Generated<Instant>;
}

export interface AuditEventsTable {
  id: Generated<bigint>;
  occurred_at: Generated<Instant>;
  /** Agent id, or a system actor such as 'import' or 'status-job'. */
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface ActivitiesTable {
  id: Generated<string>;
  customer_id: string;
  type: ActivityType;
  purpose: string;
  outcome: ActivityOutcome | null;
  notes: string | null;
  contact: string | null;
  duration_minutes: number | null;
  start_at: Instant | null;
  end_at: Instant | null;
  due_at: Instant | null;
  follow_up_at: Instant | null;
  status: Generated<ActivityStatus>;
  owner_agent_id: string;
  ledger_entry_ids: Generated<string[]>;
  graph_event_id: string | null;
  graph_task_id: string | null;
  sync_state: Generated<ActivitySyncState>;
  sync_error: string | null;
  history: ColumnType<ActivityHistoryEntry[], string | undefined, string>;
  created_at: Instant;
  updated_at: Instant;
  /** Raised by every change; an edit's If-Match names the version it read (migration 011). */
  version: Generated<number>;
  /** Migration 019: the date a promise to pay names, and a dispute's reason code. */
  promise_date: ColumnType<string | null, string | null | undefined, string | null>;
  dispute_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 019: the transactions an activity's promise or dispute named, and what was promised of each. */
export interface ActivityCommitmentItemsTable {
  activity_id: string;
  ledger_entry_id: string;
  position: number;
  promised_amount: bigint | null;
}

export interface OutboxTable {
  id: Generated<bigint>;
  activity_id: string | null;
  agent_id: string;
  kind: 'event' | 'task' | 'mail';
  idempotency_key: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  locked_until: Instant | null;
  locked_by: string | null;
  last_error: string | null;
  result: 'sent' | 'failed' | null;
  done_at: Instant | null;
  created_at: Instant;
}

export interface IdempotencyKeysTable {
  key: string;
  agent_id: string;
  route: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  /** SHA-256 of the canonical request body; null for keys stored before it was recorded. */
  request_hash: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Instant;
}

export interface GraphDeltaLinksTable {
  agent_id: string;
  /** 'tasks:<listId>' or 'calendarView'. */
  resource: string;
  delta_link: string;
  updated_at: Instant;
}

export interface GraphTaskListsTable {
  agent_id: string;
  list_id: string;
  created_at: Instant;
}

// Migration 006: an agent's MSAL token cache, sealed with AES-256-GCM (server/graph/token-cache.ts).
export interface GraphTokenCacheTable {
  agent_id: string;
  /** MSAL's account key (`<oid>.<tid>`): which account of the cache a worker signs in silently. */
  home_account_id: string;
  /** The tenant whose authority refreshes the agent's tokens. */
  tenant_id: string;
  /** Format version, IV, GCM tag and ciphertext of the serialized cache; never plaintext. */
  sealed: Uint8Array;
  updated_at: Instant;
}

// Migration 003: collection letters.
export interface CollectionLetterSequencesTable {
  id: Generated<string>;
  name: string;
  /** Two-letter language of the letters unless a post asks for another. */
  language: Generated<string>;
  is_default: Generated<boolean>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CollectionLetterLevelsTable {
  id: Generated<string>;
  sequence_id: string;
  level: number;
  name: string;
  days: number;
  /** Minor units of the accounting currency. */
  min_overdue: Generated<bigint>;
  /** Currency code → fee in that currency's minor units, as a decimal string. */
  fees: Json<Record<string, string>>;
  /** Language → the letter's text with {{placeholders}}. */
  templates: Json<Record<string, { subject: string; body: string; payment: string }>>;
}

export interface CollectionLettersTable {
  id: Generated<string>;
  number: string;
  customer_id: string;
  sequence_id: string;
  level: number;
  level_name: string;
  letter_date: DateCol;
  language: string;
  fee_entry_id: string | null;
  fee_currency: string | null;
  fee_amount: bigint | null;
  fee_accounting: bigint | null;
  total_accounting: bigint;
  /** Open overdue amount per currency: [{ currency, open: minor as decimal string }]. */
  totals: Json<Array<{ currency: string; open: string }>>;
  delivery: 'reply' | 'graph';
  status: Generated<'posted' | 'sent' | 'failed'>;
  recipient: string | null;
  subject: string;
  html: string;
  pdf: Uint8Array;
  idempotency_key: string;
  request_key: string | null;
  batch_id: string | null;
  posted_by: string;
  created_at: Instant;
}

export interface CollectionLetterLinesTable {
  letter_id: string;
  entry_id: string;
  currency: string;
  open_amount: bigint;
  open_accounting: bigint;
  days_overdue: number;
}

export interface CollectionLetterBatchesTable {
  id: Generated<string>;
  requested_by: string;
  agent_id: string | null;
  as_of: DateCol;
  delivery: 'reply' | 'graph';
  status: Generated<'running' | 'interrupted' | 'done'>;
  request_key: string | null;
  created_at: Instant;
  finished_at: Instant | null;
}

export interface CollectionLetterBatchItemsTable {
  batch_id: string;
  position: number;
  customer_id: string;
  state: Generated<'pending' | 'posted' | 'sent' | 'skipped' | 'failed'>;
  reason: string | null;
  letter_id: string | null;
}

// Migration 008: managed reason codes for disputes and write-offs.
export interface CollectionReasonCodesTable {
  kind: ReasonCodeKind;
  code: string;
  label: string;
  active: Generated<boolean>;
  created_at: Generated<Instant>;
}

// Migration 008: write-offs above the requester's limit, waiting for a manager.
export interface WriteOffRequestsTable {
  id: Generated<string>;
  customer_id: string;
  requested_by: string;
  status: Generated<WriteOffStatus>;
  reason_code: string;
  note: string | null;
  /** [{ transactionId, amount: minor units as a decimal string, entryId once posted }] */
  items: Json<Array<{ transactionId: string; amount: string; entryId?: string }>>;
  total_accounting: bigint;
  decided_by: string | null;
  decided_at: Instant | null;
  created_at: Generated<Instant>;
}

// Migration 008: what this product posted, in order, for the ERP's postings feed.
export interface ActionPostingsTable {
  seq: GeneratedAlways<bigint>;
  posted_at: Generated<Instant>;
  kind: PostingKind;
  external_id: string;
  customer_id: string;
  body: Json<Record<string, unknown>>;
}

// Migration 012: collections holds on a customer (transaction_id null) or one transaction.
export interface CollectionHoldsTable {
  id: Generated<string>;
  customer_id: string;
  transaction_id: string | null;
  reason: string;
  /** Held through this date; null: until lifted. */
  held_until: DateCol | null;
  created_by: string;
  created_at: Generated<Instant>;
  lifted_by: string | null;
  lifted_at: Instant | null;
}

// Migration 017: contracts imported from the ERP, by number within their customer.
export interface ContractsTable {
  id: Generated<string>;
  customer_id: string;
  number: string;
  description: string | null;
  starts_on: DateCol;
  /** In force through this date; null: open-ended. */
  ends_on: DateCol | null;
  /** Minor units of `currency`. */
  value: bigint;
  currency: string;
  created_at: Generated<Instant>;
  updated_at: Generated<Instant>;
}

// Migration 015: interest codes and posted interest notes (stored documents, like letters).
export interface InterestCodesTable {
  code: string;
  description: string;
  /** Basis points per period. */
  rate_bp: number;
  period: InterestPeriod;
  grace_days: Generated<number>;
  /** Minor units of `currency`. */
  min_amount: Generated<bigint>;
  currency: string;
  active: Generated<boolean>;
  is_default: Generated<boolean>;
  version: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface InterestNotesTable {
  id: Generated<string>;
  number: string;
  customer_id: string;
  as_of: DateCol;
  currency: string;
  interest_code: string;
  rate_bp: number;
  period: InterestPeriod;
  total: bigint;
  total_accounting: bigint;
  entry_id: string;
  language: string;
  subject: string;
  html: string;
  pdf: Uint8Array;
  created_by: string;
  created_at: Instant;
}

export interface InterestNoteLinesTable {
  note_id: string;
  entry_id: string;
  document: string;
  due_date: DateCol;
  from_date: DateCol;
  to_date: DateCol;
  days: number;
  base: bigint;
  interest: bigint;
  interest_accounting: bigint;
}

// Migration 016: statements of account as sent (HTML and PDF kept for an exact reprint).
export interface StatementsTable {
  id: Generated<string>;
  number: string;
  customer_id: string;
  kind: 'open_items' | 'activity';
  as_of: DateCol;
  from_date: DateCol | null;
  language: string;
  delivery: 'reply' | 'graph';
  recipient: string | null;
  subject: string;
  html: string;
  pdf: Uint8Array;
  /** [{ currency, open: minor units as a decimal string }] */
  totals: Json<Array<{ currency: string; open: string }>>;
  request_key: string | null;
  created_by: string;
  created_at: Instant;
}

// Migration 014: collection pools (criteria as JSON, checked by server/domain/pools/criteria.ts).
export interface PoolsTable {
  id: Generated<string>;
  name: string;
  criteria: Json<unknown>;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

// Migration 014: a worklist's order as of its first page, which its cursor pages through.
export interface WorklistSnapshotsTable {
  id: Generated<string>;
  agent_id: string;
  query_key: string;
  customer_ids: string[];
  created_at: Instant;
  expires_at: Instant;
}

// Migration 013: each customer's position for one date, kept by triggers (docs/domain-rules.md,
// "Customer positions"); amounts in accounting minor units.
export interface CustomerPositionsTable {
  customer_id: string;
  computed_for: DateCol;
  /** Stale for every date on or after it; null: only a write changes the row. */
  next_change_on: DateCol | null;
  balance: bigint;
  overdue: bigint;
  oldest_overdue_due: DateCol | null;
  urgent_overdue: bigint;
  /** Σ open × (due date − 2000-01-01) over the urgent items, a decimal string. */
  urgent_due_sum: ColumnType<string, string, string>;
  promised_count: number;
  broken_count: number;
  disputed_count: number;
  on_hold: boolean;
  last_activity_at: Instant | null;
  next_follow_up_on: DateCol | null;
}

// Migration 020: each customer's worklist priority as of the positions' date, in worklist order.
export interface CustomerPrioritiesTable {
  customer_id: string;
  account: string;
  priority: bigint;
  priced_on: DateCol;
}

export interface Database {
  customers: CustomersTable;
  pools: PoolsTable;
  worklist_snapshots: WorklistSnapshotsTable;
  contacts: ContactsTable;
  ledger_entries: LedgerEntriesTable;
  settlements: SettlementsTable;
  agents: AgentsTable;
  audit_events: AuditEventsTable;
  collection_letter_sequences: CollectionLetterSequencesTable;
  collection_letter_levels: CollectionLetterLevelsTable;
  collection_letters: CollectionLettersTable;
  collection_letter_lines: CollectionLetterLinesTable;
  collection_letter_batches: CollectionLetterBatchesTable;
  collection_letter_batch_items: CollectionLetterBatchItemsTable;
  activities: ActivitiesTable;
  activity_commitment_items: ActivityCommitmentItemsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  graph_delta_links: GraphDeltaLinksTable;
  graph_task_lists: GraphTaskListsTable;
  graph_token_cache: GraphTokenCacheTable;
  collection_reason_codes: CollectionReasonCodesTable;
  write_off_requests: WriteOffRequestsTable;
  action_postings: ActionPostingsTable;
  contracts: ContractsTable;
  collection_holds: CollectionHoldsTable;
  statements: StatementsTable;
  interest_codes: InterestCodesTable;
  interest_notes: InterestNotesTable;
  interest_note_lines: InterestNoteLinesTable;
  customer_positions: CustomerPositionsTable;
  customer_priorities: CustomerPrioritiesTable;
}
