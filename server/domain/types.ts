// The plain data the domain computes on. No I/O types here: the db layer maps rows into these.

/** An ISO 4217 code such as USD, JPY, KWD. */
export type CurrencyCode = string;

/** A calendar date as `YYYY-MM-DD`. Compared as strings; never a JS Date. */
export type IsoDate = string;

/** Money is integer minor units of one currency; never a float. */
export interface Money {
  minor: bigint;
  currency: CurrencyCode;
}

export const LEDGER_KINDS = [
  'invoice',
  'payment',
  'credit_note',
  'fee',
  'interest',
  'write_off',
  'nsf_reversal',
  'adjustment',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const COLLECTION_STATUSES = [
  'none',
  'promise_to_pay',
  'promise_broken',
  'disputed',
  'resolved',
] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];

export const ACCOUNT_STATUSES = ['active', 'on_hold', 'blocked'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** What a signed-in agent may do: managers also run letters and imports; admins everything. */
export const AGENT_ROLES = ['agent', 'manager', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/**
 * One customer transaction. `amount` is signed (debits positive, credits negative) in the
 * transaction currency; `amountAccounting` is the same amount in the accounting currency, as
 * imported (never recomputed from rates).
 */
export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  document: string;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  currency: CurrencyCode;
  amount: bigint;
  amountAccounting: bigint;
  collectionStatus: CollectionStatus;
  statusDate: IsoDate | null;
  promiseDate: IsoDate | null;
  promiseAmount: bigint | null;
  disputeReason: string | null;
}

/** A credit settling (part of) a debit, in the debit's currency (both share one currency). */
export interface Settlement {
  debitId: string;
  creditId: string;
  amount: bigint;
  date: IsoDate;
}

export interface CustomerProfile {
  id: string;
  account: string;
  name: string;
  currency: CurrencyCode;
  /** In the accounting currency, as Dynamics 365 keeps it; null when no limit is set. */
  creditLimit: bigint | null;
  creditRating: string | null;
  status: AccountStatus;
  customerSince: IsoDate | null;
}

/** A customer as the pane's header shows it: the profile plus how the ERP groups and reaches it. */
export interface Customer extends CustomerProfile {
  group: string | null;
  salesArea: string | null;
  paymentTerms: string | null;
  /** Mail domains whose senders belong to the customer. */
  domains: string[];
}

/** An email address linked to a customer, so that mail from it resolves to the customer. */
export interface Contact {
  id: string;
  customerId: string;
  /** Lower-cased. */
  email: string;
  name: string | null;
}

/**
 * One aging period, in days overdue (or days since the document date when aging by document date),
 * bounds inclusive. The first period has `fromDays: null` (everything not yet overdue, credits too),
 * the last `toDays: null`; periods are contiguous.
 */
export interface AgingPeriod {
  label: string;
  fromDays: number | null;
  toDays: number | null;
}

export type AgingBy = 'due_date' | 'document_date';
