// The pieces of a demo customer's ledger: entries, the settlements between them, and an invoice's
// open amount as the simulation (ledger.ts) runs and the collection statuses (statuses.ts) read it.
import type { LedgerKind } from '../domain/types';

export interface DemoEntry {
  kind: LedgerKind;
  /** Set once all entries exist, numbered in posting order; also the external id. */
  document: string;
  posting: number;
  due: number | null;
  /** Signed, in the customer's currency: debits positive, credits negative. */
  amount: bigint;
}

export interface DemoSettlement {
  debit: DemoEntry;
  credit: DemoEntry;
  amount: bigint;
  day: number;
}

export interface DemoInvoice {
  entry: DemoEntry;
  /** Open amount as of the as-of date. */
  open: bigint;
  /** Day of the settlement that closed it, when it is closed. */
  closedOn: number | null;
}
