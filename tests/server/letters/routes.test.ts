// The letter API through fastify.inject: proposal, posting with Idempotency-Key, stored PDF/HTML,
// batch run with progress, and the manager-only management of sequences and exclusions.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import type { Agent } from '../../../server/auth/agents';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import type { CollectionLetterResponse, LetterBatchResponse, LetterProposalResponse } from '../../../server/http/schemas/letters';
import { openTestDatabase } from '../../support/db';
import { createCustomer } from './world';

let handle: DatabaseHandle;
let app: FastifyInstance;

/** The app in development auth mode, whose demo agent has the given role. */
async function open(role: Agent['role']): Promise<{ customerId: string }> {
  handle = await openTestDatabase('pglite');
  await handle.db.insertInto('agents').values({ entra_oid: 'development-demo-agent', email: 'demo.agent@example.com', name: 'Demo Agent', role }).execute();
  const { id } = await createCustomer(handle.db, { account: 'C-7', invoices: [['INV-7', '2026-02-01', 123456n]] });
  app = await buildApp({ config: loadConfig({ ACCOUNTING_CURRENCY: 'USD', LETTER_COMPANY_NAME: 'Fabrikam Ltd' }), db: handle, logger: false, addinDir: '/nonexistent' });
  await app.ready();
  return { customerId: id };
}

afterEach(async () => {
  await app?.close();
  await handle?.close();
});

describe('letter routes', () => {
  it('propose, post once with an Idempotency-Key, and reprint the stored PDF and HTML', async () => {
    const { customerId } = await open('agent');
    const proposal = await app.inject({ url: `/api/customers/${customerId}/letters/proposal?asOf=2026-03-01` });
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json<LetterProposalResponse>()).toMatchObject({ due: true, level: { level: 1, name: 'Reminder' }, totalAccounting: 123456, lines: [{ document: 'INV-7', daysOverdue: 28 }] });

    const post = () =>
      app.inject({ method: 'POST', url: `/api/customers/${customerId}/letters`, headers: { 'idempotency-key': 'abc-1' }, payload: { delivery: 'reply', asOf: '2026-03-01', level: 1 } });
    const first = await post();
    const second = await post();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    const letter = first.json<CollectionLetterResponse>();
    expect(second.json<CollectionLetterResponse>().id).toBe(letter.id);
    expect(letter).toMatchObject({ number: 'CL-000001', status: 'posted', delivery: 'reply', created: true });

    const pdf = await app.inject({ url: letter.pdfUrl });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const html = await app.inject({ url: letter.htmlUrl });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('Fabrikam Ltd');
    expect((await app.inject({ method: 'POST', url: `/api/letters/${letter.id}/sent` })).json()).toMatchObject({ status: 'sent' });
    expect((await app.inject({ url: `/api/letters/${letter.id}` })).json()).toMatchObject({ id: letter.id, lines: [{ document: 'INV-7' }] });
  });

  it('answers bad input with a 4xx naming the field', async () => {
    const { customerId } = await open('agent');
    const badDate = await app.inject({ url: `/api/customers/${customerId}/letters/proposal?asOf=2026-02-30` });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toMatch(/asOf/);
    const badDelivery = await app.inject({ method: 'POST', url: `/api/customers/${customerId}/letters`, payload: { delivery: 'fax' } });
    expect(badDelivery.statusCode).toBe(400);
    expect(badDelivery.json().message).toMatch(/delivery/);
    expect((await app.inject({ url: '/api/letters/not-a-letter' })).statusCode).toBe(404);
    const notDue = await app.inject({ method: 'POST', url: `/api/customers/${customerId}/letters`, payload: { delivery: 'reply', asOf: '2026-02-03' } });
    expect(notDue.statusCode).toBe(409);
    expect(notDue.json()).toMatchObject({ code: 'no_letter_due', details: { reason: 'not_due_yet', dueOn: '2026-02-08' } });
  });

  it('keeps sequences, levels and exclusions to managers', async () => {
    const { customerId } = await open('agent');
    const [sequence] = (await app.inject({ url: '/api/letter-sequences' })).json<Array<{ id: string; levels: unknown[] }>>();
    expect(sequence!.levels).toHaveLength(4);
    const put = await app.inject({ method: 'PUT', url: `/api/letter-sequences/${sequence!.id}`, payload: sequence });
    expect(put.statusCode).toBe(403);
    const exclude = await app.inject({ method: 'PUT', url: `/api/customers/${customerId}/letter-settings`, payload: { excluded: true } });
    expect(exclude.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/letters/batch', payload: { delivery: 'reply' } })).statusCode).toBe(403);
  });

  it('lets a manager edit a sequence (templates checked) and exclude a customer', async () => {
    const { customerId } = await open('manager');
    const [sequence] = (await app.inject({ url: '/api/letter-sequences' })).json<Array<{ id: string; name: string; levels: Array<{ templates: Record<string, { body: string }> }> }>>();
    const { id, ...body } = sequence!;
    body.levels[0]!.templates.en!.body = 'Hello {{customerName}}, {{balanceDue}}';
    const bad = await app.inject({ method: 'PUT', url: `/api/letter-sequences/${id}`, payload: body });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe("Field 'levels.0.templates.en.body' uses unknown placeholder {{balanceDue}}.");
    body.levels[0]!.templates.en!.body = 'Hello {{customerName}}, please pay {{totalDue}}.';
    const good = await app.inject({ method: 'PUT', url: `/api/letter-sequences/${id}`, payload: body });
    expect(good.statusCode).toBe(200);
    expect(good.json().levels[0].templates.en.body).toBe('Hello {{customerName}}, please pay {{totalDue}}.');

    const exclude = await app.inject({ method: 'PUT', url: `/api/customers/${customerId}/letter-settings`, payload: { excluded: true } });
    expect(exclude.json()).toMatchObject({ excluded: true });
    expect((await app.inject({ url: '/api/letters/exclusions' })).json().items).toEqual([{ id: customerId, account: 'C-7', name: 'Customer C-7' }]);
    const proposal = await app.inject({ url: `/api/customers/${customerId}/letters/proposal?asOf=2026-03-01` });
    expect(proposal.json()).toMatchObject({ due: false, reason: 'excluded' });
  });

  it('runs a batch in the background with progress a manager can poll', async () => {
    await open('manager');
    const review = await app.inject({ url: '/api/letters/proposal?asOf=2026-03-01' });
    expect(review.json().items.map((i: LetterProposalResponse) => i.customer.account)).toEqual(['C-7']);
    const started = await app.inject({ method: 'POST', url: '/api/letters/batch', headers: { 'idempotency-key': 'run-1' }, payload: { delivery: 'reply', asOf: '2026-03-01' } });
    expect(started.statusCode).toBe(202);
    let batch = started.json<LetterBatchResponse>();
    for (let i = 0; i < 100 && batch.status !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      batch = (await app.inject({ url: `/api/letters/batch/${batch.id}` })).json<LetterBatchResponse>();
    }
    expect(batch).toMatchObject({ status: 'done', counts: { posted: 1, pending: 0 }, items: [{ account: 'C-7', state: 'posted', letterNumber: 'CL-000001' }] });
    const again = await app.inject({ method: 'POST', url: '/api/letters/batch', headers: { 'idempotency-key': 'run-1' }, payload: { delivery: 'reply', asOf: '2026-03-01' } });
    expect(again.json().id).toBe(batch.id);
  });
});
