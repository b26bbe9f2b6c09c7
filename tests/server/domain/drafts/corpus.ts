// The reply corpus of tests/fixtures/replies: a small fixed ledger per customer and the emails
// with the proposal a careful agent would make, loaded as the domain reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftTransaction } from '../../../../server/domain/drafts/types';
import type { LedgerKind } from '../../../../server/domain/types';

const DIR = join(__dirname, '../../../fixtures/replies');

interface LedgerFile {
  asOf: string;
  timeZone: string;
  customers: Record<string, { name: string; currency: string; transactions: Array<{ document: string; kind: LedgerKind; currency: string; open: string; dueDate: string | null; daysOverdue: number }> }>;
}

/** What the agent would propose; amounts are plain decimals of the transaction currency, documents by number. */
export interface Expected {
  kind: string;
  date?: string | null;
  items?: Array<[string, string]>;
  reasonCode?: string;
  documents?: string[];
  amount?: string | null;
  currency?: string | null;
  reference?: string | null;
  statement?: boolean;
  email?: string | null;
  name?: string | null;
}

export interface CorpusEmail {
  id: string;
  customer: string;
  from: string;
  receivedAt: string;
  subject: string;
  body: string;
  expected: Expected;
}

const ledger = JSON.parse(readFileSync(join(DIR, 'ledger.json'), 'utf8')) as LedgerFile;
export const corpusTimeZone = ledger.timeZone;

/** The customer's transactions; ids are 'customer:document' so a test can tell whose a document is. */
export function transactionsOf(customer: string): DraftTransaction[] {
  const c = ledger.customers[customer];
  if (!c) throw new Error(`No customer '${customer}' in ledger.json`);
  return c.transactions.map((t) => ({ ...t, id: `${customer}:${t.document}`, open: BigInt(t.open) }));
}

export const corpus: CorpusEmail[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'ledger.json')
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as CorpusEmail[]);
