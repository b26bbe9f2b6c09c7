// Schema of GET /api/customers/:id/transactions and the types of the JSON it describes
// (TransactionsResponse and its items).
import {
  collectionStatus,
  currencyCode,
  isoDate,
  ledgerKind,
  minor,
  nullableIsoDate,
  nullableMinor,
  nullableString,
  type JsonOf,
} from './common';
import { holdRef } from './holds';

export const transactionsQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['open', 'all'], default: 'open' },
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
  },
} as const;

const transactionItem = {
  type: 'object',
  required: [
    'id', 'kind', 'document', 'postingDate', 'dueDate', 'currency', 'amount', 'open', 'openAccounting',
    'daysOverdue', 'collectionStatus', 'statusDate', 'promiseDate', 'promiseAmount', 'disputeReason', 'version', 'statusSetBy',
  ],
  properties: {
    id: { type: 'string' },
    kind: ledgerKind,
    document: { type: 'string' },
    postingDate: isoDate,
    dueDate: nullableIsoDate,
    currency: { ...currencyCode, description: 'Transaction currency of amount and open' },
    amount: minor,
    open: minor,
    openAccounting: { ...minor, description: 'Integer minor units of the accounting currency' },
    daysOverdue: { type: 'integer', description: '0 when not overdue (and for credits)' },
    collectionStatus,
    statusDate: nullableIsoDate,
    promiseDate: nullableIsoDate,
    promiseAmount: nullableMinor,
    disputeReason: nullableString,
    version: { type: 'integer', description: 'Sent back with an action; a changed transaction refuses it (409)' },
    statusSetBy: { ...nullableString, description: 'Who set the collection status (agent name or email)' },
    documentUrl: { ...nullableString, description: "https link to the entry's document (the invoice copy), from the import's document_url column" },
    hold: { ...holdRef, description: 'The collections hold in force on the transaction on the as-of date; null: none' },
    nsfFee: { ...nullableMinor, description: 'On a payment: the NSF fee (NSF_FEE) in its currency that returning it unpaid may charge; null: none is configured' },
  },
} as const;
export type TransactionItem = JsonOf<typeof transactionItem>;

export const transactionsResponse = {
  type: 'object',
  required: ['asOf', 'accountingCurrency', 'items', 'totals'],
  properties: {
    asOf: isoDate,
    accountingCurrency: currencyCode,
    items: { type: 'array', items: transactionItem },
    totals: {
      type: 'array',
      description: 'Open amount per transaction currency',
      items: { type: 'object', required: ['currency', 'open'], properties: { currency: currencyCode, open: minor } },
    },
  },
} as const;
export type TransactionsResponse = JsonOf<typeof transactionsResponse>;
