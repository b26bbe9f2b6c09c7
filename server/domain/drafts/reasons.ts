// The dispute reason categories a proposal may name. Until the reason list is managed in the
// database, this is it; the codes are what a dispute stores on the ledger entry.
export const DISPUTE_REASON_CODES = ['price', 'quantity', 'damaged', 'not_received', 'duplicate_billing', 'already_paid', 'other'] as const;
export type DisputeReasonCode = (typeof DISPUTE_REASON_CODES)[number];
