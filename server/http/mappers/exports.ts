// Postings for the ERP as JSON or as CSV rows: money as decimal strings of its currency (as the
// import reads them), so the ERP's copy imported back matches what is stored.
import { formatMinor } from '../../domain/money';
import type { Posting } from '../../db/repositories/postings';
import type { PostingsResponse } from '../schemas/exports';

type Item = PostingsResponse['items'][number];

function decimal(value: unknown, currency: unknown): unknown {
  return typeof value === 'string' && typeof currency === 'string' ? formatMinor(BigInt(value), currency) : value;
}

export function postingJson(p: Posting, accountingCurrency: string): Item {
  const { amount, amountAccounting, ...rest } = p.body;
  const currency = p.body.currency;
  return {
    cursor: p.seq.toString(),
    postedAt: p.postedAt.toISOString(),
    kind: p.kind,
    externalId: p.externalId,
    account: p.account,
    details: { ...rest, amount: decimal(amount, currency), ...(amountAccounting !== undefined ? { amountAccounting: decimal(amountAccounting, accountingCurrency) } : {}) },
  };
}

export const POSTINGS_CSV_COLUMNS = [
  'cursor', 'posted_at', 'posting', 'external_id', 'account', 'kind', 'document', 'posting_date', 'currency', 'amount',
  'amount_accounting', 'debit_external_id', 'credit_external_id', 'date',
] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function postingsCsv(items: readonly Item[]): string {
  const rows = items.map((i) => {
    const d = i.details as Record<string, unknown>;
    return [i.cursor, i.postedAt, i.kind, i.externalId, i.account, d.kind, d.document ?? null, d.postingDate, d.currency, d.amount, d.amountAccounting, d.debitExternalId, d.creditExternalId, d.date].map(cell).join(',');
  });
  return [POSTINGS_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
