// The database as one TypeScript interface: every Kysely query is checked against it.
// Columns mirror server/db/migrations; int8 columns arrive as bigint (see kysely.ts type parsers),
// `date` columns as 'YYYY-MM-DD' strings, timestamptz as Date.
import type { ColumnType, Generated } from 'kysely';

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
  status: 'active' | 'on_hold' | 'blocked';
  customer_since: DateCol | null;
  domains: string[];
  default_agent_id: string | null;
  letters_excluded: Generated<boolean>;
  created_at: Generated<Instant>;
  updated_at: Generated<Instant>;
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
  kind: 'invoice' | 'payment' | 'credit_note' | 'fee' | 'interest' | 'write_off' | 'nsf_reversal' | 'adjustment';
  document: string;
  posting_date: DateCol;
  due_date: DateCol | null;
  currency: string;
  amount: bigint;
  amount_accounting: bigint;
  collection_status: Generated<'none' | 'promise_to_pay' | 'promise_broken' | 'disputed' | 'resolved'>;
  status_date: DateCol | null;
  promise_date: DateCol | null;
  promise_amount: bigint | null;
  dispute_reason: string | null;
  created_at: Generated<Instant>;
}

export interface SettlementsTable {
  id: Generated<string>;
  debit_id: string;
  credit_id: string;
  /** In the (shared) currency of the debit and the credit. */
  amount: bigint;
  settled_on: DateCol;
  created_at: Generated<Instant>;
}

export interface AgentsTable {
  id: Generated<string>;
  /** Entra ID object id (`oid`); null for agents known only by email (imported). */
  entra_oid: string | null;
  email: string;
  name: string | null;
  role: Generated<'agent' | 'manager' | 'admin'>;
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

export interface Database {
  customers: CustomersTable;
  contacts: ContactsTable;
  ledger_entries: LedgerEntriesTable;
  settlements: SettlementsTable;
  agents: AgentsTable;
  audit_events: AuditEventsTable;
}
