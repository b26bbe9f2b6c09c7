// Accuracy on the reply corpus: per field, how many emails the top proposal gets exactly right
// (printed; each must reach 90%), and never a document the email does not name or the customer lacks.
import { describe, expect, it } from 'vitest';
import { propose } from '../../../../server/domain/drafts/propose';
import type { Proposal } from '../../../../server/domain/drafts/types';
import { formatMinor, parseMoney } from '../../../../server/domain/money';
import { corpus, corpusTimeZone, transactionsOf, type CorpusEmail, type Expected } from './corpus';

const FIELDS_OF: Record<string, readonly (keyof Expected)[]> = {
  promise_to_pay: ['date', 'items'],
  dispute: ['reasonCode', 'documents'],
  payment_claim: ['date', 'amount', 'currency', 'reference', 'documents'],
  copy_request: ['documents', 'statement'],
  contact_change: ['email', 'name'],
  none: [],
};

const documentOf = (id: string) => id.slice(id.indexOf(':') + 1);

/** The top proposal in the corpus's own terms (documents by number, amounts as decimals). */
function asExpected(p: Proposal): Expected {
  const f = p.fields;
  return {
    kind: p.kind,
    date: f.date ?? null,
    items: f.items?.map((i) => [documentOf(i.transactionId), formatMinor(i.amount, i.currency)] as [string, string]),
    reasonCode: f.reasonCode,
    documents: f.transactionIds?.map(documentOf),
    amount: f.amount !== undefined && f.currency ? formatMinor(f.amount, f.currency) : null,
    currency: f.currency ?? null,
    reference: f.reference ?? null,
    statement: f.statement,
    email: f.email ?? null,
    name: f.name ?? null,
  };
}

function normalised(field: keyof Expected, value: unknown, email: CorpusEmail): unknown {
  if (field === 'documents' && Array.isArray(value)) return [...(value as string[])].sort();
  if (field === 'items' && Array.isArray(value)) {
    const currency = (document: string) => transactionsOf(email.customer).find((t) => t.document === document)?.currency ?? 'USD';
    return (value as [string, string][]).map(([d, a]) => `${d}=${parseMoney(a, currency(d))}`).sort();
  }
  return value ?? null;
}

function proposalsFor(email: CorpusEmail): Proposal[] {
  return propose(
    { subject: email.subject, body: email.body, receivedAt: new Date(email.receivedAt), from: email.from },
    transactionsOf(email.customer),
    corpusTimeZone,
  );
}

describe('the reply corpus', () => {
  it('holds at least 80 emails in English and German', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
  });

  it('gets every field right in at least 90% of the emails that have it', () => {
    const tally = new Map<string, { right: number; total: number; wrong: string[] }>();
    const count = (field: string, right: boolean, id: string) => {
      const t = tally.get(field) ?? { right: 0, total: 0, wrong: [] };
      t.total += 1;
      if (right) t.right += 1;
      else t.wrong.push(id);
      tally.set(field, t);
    };
    for (const email of corpus) {
      const actual = asExpected(proposalsFor(email)[0]!);
      const sameKind = actual.kind === email.expected.kind;
      count('kind', sameKind, email.id);
      for (const field of FIELDS_OF[email.expected.kind] ?? []) {
        const right = sameKind && JSON.stringify(normalised(field, actual[field], email)) === JSON.stringify(normalised(field, email.expected[field], email));
        count(field, right, email.id);
      }
    }
    const report = [...tally].map(([field, t]) => `${field.padEnd(10)} ${t.right}/${t.total} ${((100 * t.right) / t.total).toFixed(1)}%${t.wrong.length ? `  wrong: ${t.wrong.join(' ')}` : ''}`);
    console.log(`Per-field accuracy on ${corpus.length} emails:\n${report.join('\n')}`);
    for (const [field, t] of tally) expect(t.right / t.total, `${field}: ${t.right}/${t.total}`).toBeGreaterThanOrEqual(0.9);
  });

  it('points every piece of evidence at the very words of the original subject or body', () => {
    for (const email of corpus) {
      for (const p of proposalsFor(email)) {
        for (const e of p.evidence) expect((e.part === 'subject' ? email.subject : email.body).slice(e.start, e.end), email.id).toBe(e.text);
      }
    }
  });

  it('never proposes a document that the email does not name or that the customer does not have', () => {
    for (const email of corpus) {
      const own = new Set(transactionsOf(email.customer).map((t) => t.id));
      const text = `${email.subject}\n${email.body}`.toUpperCase().replace(/[^A-Z0-9]/g, '');
      for (const p of proposalsFor(email)) {
        const ids = [...(p.fields.transactionIds ?? []), ...(p.fields.items ?? []).map((i) => i.transactionId)];
        for (const id of ids) {
          expect(own.has(id), `${email.id}: ${id}`).toBe(true);
          // Rule 3 picks unnamed overdue invoices only when it says so.
          if (p.assumptions.includes('items_from_oldest_overdue')) continue;
          expect(text.includes(documentOf(id).replace(/[^A-Z0-9]/g, '').replace(/^[A-Z]+/, '')), `${email.id} names ${documentOf(id)}`).toBe(true);
        }
      }
    }
  });
});
