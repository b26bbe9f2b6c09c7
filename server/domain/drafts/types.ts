// The plain data of email understanding: spans of text, the evidence of a proposed field, the
// proposals themselves and what they are read against (the customer's own transactions).
import type { CurrencyCode, IsoDate, LedgerKind } from '../types';
import type { DisputeReasonCode } from './reasons';

/** Offsets into the original subject or body (UTF-16 code units, end exclusive). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EmailPart = 'subject' | 'body';

/** Where a proposed field came from. */
export interface Evidence extends Span {
  field: string;
  part: EmailPart;
}

export const PROPOSAL_KINDS = ['promise_to_pay', 'dispute', 'payment_claim', 'copy_request', 'contact_change', 'none'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** What the proposal assumed rather than read (rule 3), so the pane can say so. */
export const PROPOSAL_ASSUMPTIONS = ['amount_from_open', 'items_from_oldest_overdue'] as const;
export type ProposalAssumption = (typeof PROPOSAL_ASSUMPTIONS)[number];

export interface PromiseItem {
  transactionId: string;
  amount: bigint;
  currency: CurrencyCode;
}

/** The fields of each kind, as the action's own request needs them. */
export interface ProposalFields {
  date?: IsoDate | null;
  items?: PromiseItem[];
  reasonCode?: DisputeReasonCode;
  transactionIds?: string[];
  amount?: bigint;
  currency?: CurrencyCode;
  reference?: string;
  statement?: boolean;
  email?: string;
  name?: string;
}

export interface Proposal {
  kind: ProposalKind;
  /** 0–1: how strongly the words point at this kind; proposals come most likely first. */
  confidence: number;
  fields: ProposalFields;
  evidence: Evidence[];
  assumptions: ProposalAssumption[];
}

/** One of the customer's transactions as the reader needs it. */
export interface DraftTransaction {
  id: string;
  kind: LedgerKind;
  document: string;
  currency: CurrencyCode;
  /** Open amount in the transaction currency (0 when settled). */
  open: bigint;
  dueDate: IsoDate | null;
  daysOverdue: number;
}

export interface EmailInput {
  subject: string;
  body: string;
  /** The instant the email arrived. */
  receivedAt: Date;
  from: string;
}
