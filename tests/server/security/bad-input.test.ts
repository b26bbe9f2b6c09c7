// Hostile input that once got a 500 or was silently altered (issue 13, points 15–18): each is now a
// 4xx { code, message } naming the field, the same on PGlite and PostgreSQL, and nothing is saved.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/db';
import { openTestApp, type TestApp } from '../http/world';
import { createCustomer } from '../letters/world';
import { openDevApp, type DevApp } from './world';

const NO_AGENT = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabases)('bad input on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let customerId: string;
  let otherEntry: string;
  const activities = async () =>
    Number((await t.handle.db.selectFrom('activities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const post = (payload: object) => t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload });

  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    ({ id: customerId } = await createCustomer(t.handle.db, { account: 'B1', invoices: [['INV-1', '2026-01-15', 10_000n]] }));
    otherEntry = (await createCustomer(t.handle.db, { account: 'B2', invoices: [['INV-9', '2026-01-15', 5_000n]] })).invoiceIds[0]!;
  });
  afterAll(async () => t?.close());

  describe.skipIf(skipReason)('dates and instants', () => {
    it.each([
      ['a leap second', 'startAt', '2026-12-31T23:59:60Z'],
      ['year 0000', 'startAt', '0000-01-01T00:00:00Z'],
      ['year 1899', 'followUpAt', '1899-12-31T23:59:59Z'],
      ['year 3000', 'endAt', '3000-01-01T00:00:00Z'],
    ])('refuses %s in an activity instant with 400 naming the field', async (_what, field, value) => {
      const before = await activities();
      const res = await post({ type: 'call', purpose: 'Instant', [field]: value });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(`'${field}'`) });
      expect(await activities()).toBe(before);
    });

    it('still takes instants of 1900 to 2999 with any offset, fractions included', async () => {
      const res = await post({ type: 'call', purpose: 'Edges', startAt: '1900-01-01T12:00:00.5+01:00', endAt: '2999-12-31T23:59:59Z' });
      expect(res.statusCode).toBe(201);
    });

    it('refuses a date field outside 1900–2999 with 400 naming it', async () => {
      const res = await post({ type: 'call', purpose: 'Promise', outcome: 'promise_to_pay', promise: { date: '0000-01-01', items: [] } });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain("'promise.date'");
    });
  });

  describe.skipIf(skipReason)('text', () => {
    it('refuses a lone UTF-16 surrogate rather than storing a replacement character', async () => {
      const before = await activities();
      for (const [field, value] of [['purpose', 'Call \ud800 back'], ['notes', 'tail \udc00']] as const) {
        const res = await post({ type: 'note', purpose: 'Note', [field]: value });
        expect(res.statusCode, field).toBe(400);
        expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(`'${field}'`) });
      }
      expect(await activities()).toBe(before);
      // The notes of money-moving actions are held to the same rule.
      const invoiceId = (await t.handle.db.selectFrom('ledger_entries').select('id').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).id;
      const writeOff = await t.app.inject({
        method: 'POST',
        url: `/api/customers/${customerId}/write-offs`,
        payload: { items: [{ transactionId: invoiceId, amount: 100 }], reasonCode: 'other', versions: { [invoiceId]: 1 }, note: 'small \udbff rest' },
      });
      expect(writeOff.statusCode).toBe(400);
      expect(writeOff.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining("'note'") });
      const paired = await post({ type: 'note', purpose: 'Paid 💶 in full' });
      expect(paired.statusCode).toBe(201);
      expect(paired.json().purpose).toBe('Paid 💶 in full');
    });
  });

  describe.skipIf(skipReason)('references', () => {
    it("refuses ledgerEntryIds naming another customer's entry or no entry with 422 naming the field", async () => {
      const before = await activities();
      for (const id of [otherEntry, NO_AGENT]) {
        const res = await post({ type: 'note', purpose: 'Linked', ledgerEntryIds: [id] });
        expect(res.statusCode).toBe(422);
        expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining("'ledgerEntryIds.0'") });
      }
      expect(await activities()).toBe(before);
    });
  });

  describe.skipIf(skipReason)('query parameters', () => {
    it('answers 400 naming an unknown query parameter rather than ignoring it', async () => {
      for (const url of [`/api/customers/${customerId}/summary?as_of=2026-01-01`, `/api/customers/${customerId}/activities?limitt=5`, '/api/customers?serch=x']) {
        const res = await t.app.inject(url);
        expect(res.statusCode, url).toBe(400);
        const param = new URL(url, 'http://x').searchParams.keys().next().value;
        expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(`'${param}'`) });
      }
      expect((await t.app.inject(`/api/customers/${customerId}/summary?asOf=2026-01-01`)).statusCode).toBe(200);
    });
  });
});

describe('letter batches', () => {
  let t: DevApp;
  beforeAll(async () => {
    t = await openDevApp('manager');
  });
  afterAll(async () => t?.close());

  it('answers 422 naming agentId when it is a UUID of no agent, and starts no batch', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/letters/batch', payload: { delivery: 'reply', agentId: NO_AGENT } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining("'agentId'") });
    const batches = await t.handle.db.selectFrom('collection_letter_batches').select('id').execute();
    expect(batches).toEqual([]);
  });
});

describe('errors before the handlers', () => {
  let t: DevApp;
  let port: number;
  beforeAll(async () => {
    t = await openDevApp('agent');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t?.close());

  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; type: string | undefined }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers an oversized header with 431 and the API error shape', async () => {
    const res = await raw('/api/customers', { 'x-padding': 'a'.repeat(64 * 1024) });
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.body)).toEqual({ code: 'headers_too_large', message: expect.any(String) });
  });

  it('answers a malformed URL (FST_ERR_BAD_URL) and malformed JSON in the API error shape', async () => {
    const bad = await t.app.inject('/api/customers/%zz/summary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'invalid_request', message: expect.any(String) });
    const json = await t.app.inject({ method: 'POST', url: '/api/letters/batch', payload: '{"delivery":', headers: { 'content-type': 'application/json' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toEqual({ code: 'invalid_request', message: expect.any(String) });
  });
});
