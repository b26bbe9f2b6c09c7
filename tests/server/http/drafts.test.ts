// POST /api/customers/:id/drafts: proposals read from an email against the customer's own ledger,
// never another customer's documents, and 4xx answers that name the field at fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../server/domain/dates';
import type { DraftsResponse } from '../../../server/http/schemas/drafts';
import { openTestApp, seedCustomers, type TestApp } from './world';

let t: TestApp;
let ids: Record<string, string>;
const docs: Record<string, string> = {};
const today = todayIn('UTC', new Date());

async function invoice(customer: string, document: string, amount: bigint, dueInDays: number): Promise<void> {
  const { id } = await t.handle.db
    .insertInto('ledger_entries')
    .values({
      customer_id: ids[customer]!, external_id: null, kind: 'invoice', document, posting_date: addDays(today, -60), due_date: addDays(today, dueInDays),
      currency: 'USD', amount, amount_accounting: amount, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  docs[document] = id;
}

const post = (customer: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/customers/${customer}/drafts`, payload });
const email = (subject: string, body: string) => ({ subject, body, receivedAt: `${today}T09:30:00Z`, from: 'ap@contoso.example' });

beforeAll(async () => {
  t = await openTestApp('pglite');
  ids = await seedCustomers(t.handle.db, [
    { account: 'C1', name: 'Contoso Retail', domains: ['contoso.example'] },
    { account: 'C2', name: 'Fabrikam', domains: ['fabrikam.example'] },
  ]);
  await invoice('C1', 'INV-1042', 125_000n, -30);
  await invoice('C1', 'INV-1043', 60_000n, -10);
  await invoice('C2', 'INV-2001', 99_900n, -20);
});
afterAll(async () => t?.close());

describe('POST /api/customers/:id/drafts', () => {
  it('proposes a promise for the named invoices, their open amounts and the date, with evidence', async () => {
    const body = 'Hi,\n\nwe will pay INV-1042 and INV-1043 tomorrow.\n\nKind regards,\nPat';
    const res = await post(ids.C1!, email('Re: reminder', body));
    expect(res.statusCode).toBe(200);
    const [top] = (res.json() as DraftsResponse).proposals;
    expect(top).toMatchObject({
      kind: 'promise_to_pay',
      fields: {
        date: addDays(today, 1),
        items: [
          { transactionId: docs['INV-1042'], amount: 125_000, currency: 'USD' },
          { transactionId: docs['INV-1043'], amount: 60_000, currency: 'USD' },
        ],
      },
      assumptions: ['amount_from_open'],
    });
    const date = top!.evidence.find((e) => e.field === 'date')!;
    expect(date).toMatchObject({ part: 'body', text: 'tomorrow' });
    expect(body.slice(date.start, date.end)).toBe('tomorrow');
  });

  it("never proposes another customer's document", async () => {
    const res = await post(ids.C1!, email('INV-2001', 'Please send us a copy of INV-2001 and INV-1043.'));
    const [top] = (res.json() as DraftsResponse).proposals;
    expect(top).toMatchObject({ kind: 'copy_request', fields: { transactionIds: [docs['INV-1043']], statement: false } });
  });

  it("answers 'none' for an email that asks for nothing", async () => {
    const res = await post(ids.C1!, email('Thanks', 'Thanks, noted.'));
    expect((res.json() as DraftsResponse).proposals).toEqual([{ kind: 'none', confidence: 1, fields: {}, evidence: [], assumptions: [] }]);
  });

  it('answers 413 for a request far beyond the longest body', async () => {
    const res = await post(ids.C1!, email('x', 'a'.repeat(700_000)));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await post('00000000-0000-4000-8000-000000000000', email('x', 'y'));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'customer_not_found' });
  });

  it('answers 400 naming the field for bad input', async () => {
    for (const [payload, field] of [
      [{ subject: 'x', receivedAt: `${today}T09:30:00Z` }, 'body'],
      [{ ...email('x', 'y'), receivedAt: 'yesterday' }, 'receivedAt'],
      [{ ...email('x', 'y'), subject: 'a'.repeat(1001) }, 'subject'],
      [{ ...email('x', 'y'), body: 'a'.repeat(100_001) }, 'body'],
    ] as const) {
      const res = await post(ids.C1!, payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(field) });
    }
  });
});
