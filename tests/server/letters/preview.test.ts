// The letter preview route renders the letter a customer is due, fee included and "Draft" for its
// number, and posts nothing: no letter, number, fee entry, line, audit event or mail.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionLetterResponse, LetterProposalResponse } from '../../../server/http/schemas/letters';
import { formatMoney } from '../../../server/letters/format';
import { openDevApp, type DevApp } from '../security/world';
import { createCustomer } from './world';

let t: DevApp;
afterEach(async () => t?.close());

const TABLES = ['collection_letters', 'collection_letter_lines', 'ledger_entries', 'audit_events', 'outbox'] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const seq = await sql<{ last_value: string; is_called: boolean }>`select last_value, is_called from collection_letter_number_seq`.execute(t.handle.db);
  counts.numbers = seq.rows[0]!.is_called ? Number(seq.rows[0]!.last_value) : 0;
  return counts;
}

/** Intl's no-break spaces as plain ones: the HTML lets a long amount break after its currency code. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');
const money = (minor: number, currency: string) => plain(formatMoney({ minor: BigInt(minor), currency }, 'en-GB'));

/** A customer whose first letter went out on 1 March, so the second (with a fee) is due on 1 April. */
async function customerDueASecondLetter(): Promise<string> {
  t = await openDevApp('agent', { LETTER_COMPANY_NAME: 'Fabrikam Ltd' });
  const { id } = await createCustomer(t.handle.db, {
    account: 'C-7',
    invoices: [['INV-7', '2026-02-01', 123456n], ['INV-8 <b>', '2026-02-15', 50000n]],
  });
  const first = await t.app.inject({ method: 'POST', url: `/api/customers/${id}/letters`, payload: { delivery: 'reply', asOf: '2026-03-01', level: 1 } });
  expect(first.statusCode).toBe(201);
  return id;
}

describe('letter preview', () => {
  it('renders every item, total and the fee of the proposal, and posts nothing', async () => {
    const id = await customerDueASecondLetter();
    const proposal = (await t.app.inject({ url: `/api/customers/${id}/letters/proposal?asOf=2026-04-01` })).json<LetterProposalResponse>();
    expect(proposal).toMatchObject({ due: true, level: { level: 2 }, fee: { currency: 'USD', amount: 1000 } });
    const before = await rowCounts();

    const res = await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=2026-04-01` });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const html = plain(res.body);
    expect(html).toContain('INV-7');
    expect(html).toContain('INV-8 &lt;b&gt;');
    for (const line of proposal.lines) expect(html).toContain(money(line.open, line.currency));
    for (const total of proposal.totals) expect(html).toContain(money(total.open, total.currency));
    expect(html).toContain(`Fee</td><td align="right" style="padding:4px 3px;">${money(proposal.fee!.amount, 'USD')}`);
    expect(html).toContain(money(proposal.totals[0]!.open + proposal.fee!.amount, 'USD')); // total due, fee included
    expect(html).toMatch(/Letter <strong[^>]*>Draft<\/strong>/);
    expect(html).not.toContain('CL-000002');
    expect(await rowCounts()).toEqual(before);

    // The number the preview did not take is the next letter's.
    const posted = await t.app.inject({ method: 'POST', url: `/api/customers/${id}/letters`, payload: { delivery: 'reply', asOf: '2026-04-01', level: 2 } });
    expect(posted.json<CollectionLetterResponse>()).toMatchObject({ number: 'CL-000002', fee: { amount: 1000 } });
  });

  it('renders in the requested language', async () => {
    const id = await customerDueASecondLetter();
    const html = plain((await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=2026-04-01&language=de` })).body);
    expect(html).toContain('<html lang="de">');
    expect(html).toMatch(/Schreiben <strong[^>]*>Entwurf<\/strong>/);
    expect(html).toContain('1.234,56 USD');
  });

  it('answers why when no letter is due, and 4xx for bad input', async () => {
    const id = await customerDueASecondLetter();
    const notDue = await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=2026-03-10` });
    expect(notDue.statusCode).toBe(409);
    expect(notDue.json()).toMatchObject({ code: 'no_letter_due', details: { reason: 'not_due_yet', dueOn: '2026-03-31' } });
    expect((await t.app.inject({ url: `/api/customers/${id}/letters/preview?language=german` })).json().message).toMatch(/language/);
    expect((await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=2026-02-30` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/customers/0b5d1c1e-8c1a-4c4e-9a61-3f0d3c1e2a10/letters/preview' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/customers/nope/letters/preview' })).statusCode).toBe(404);
  });
});
