// Interest through the API on PGlite and PostgreSQL: managers keep the codes (agents get 403), a
// proposal's numbers checked by hand, held, disputed and in-grace items earn nothing, posting is
// atomic and happens once under an Idempotency-Key, each note is an `interest` entry in the ledger
// and the postings feed, and a note reprints exactly as posted even after its code changed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { openTestDatabase, testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from '../actions/world';

const AS_OF = '2026-03-06';
const STD = { code: 'STD', description: 'Standard late-payment interest', rateBp: 150, period: 'month', graceDays: 10, minimum: 100, currency: 'USD', isDefault: true };

describe.each(testDatabases)('interest notes on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let inv1: string, inv2: string, invH: string, invD: string, invG: string, invE: string;
  const counts = async () => {
    const db = w.t.handle.db;
    const n = async (table: 'interest_notes' | 'interest_codes' | 'ledger_entries' | 'action_postings' | 'audit_events') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return { notes: await n('interest_notes'), codes: await n('interest_codes'), entries: await n('ledger_entries'), postings: await n('action_postings'), audits: await n('audit_events') };
  };

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    const db = w.t.handle.db;
    inv1 = await w.entry('INV-1', 100_000n);
    inv2 = await w.entry('INV-2', 50_000n);
    const pay = await w.entry('PAY-1', -20_000n, { posted: '2026-02-20' });
    await w.settle(inv2, pay, 20_000n, '2026-02-20');
    invH = await w.entry('INV-H', 40_000n);
    invD = await w.entry('INV-D', 40_000n);
    invG = await w.entry('INV-G', 40_000n, { due: '2026-03-01' });
    invE = await w.entry('INV-E', 20_000n, { currency: 'EUR' });
    await db.updateTable('ledger_entries').set({ amount_accounting: 22_000n }).where('id', '=', invE).execute();
    await db.updateTable('ledger_entries').set({ collection_status: 'disputed', dispute_reason: 'price' }).where('id', '=', invD).execute();
    // The demo agent exists once it has signed in.
    await w.call('GET', '/api/reason-codes');
    await db.insertInto('collection_holds').values({ customer_id: w.customerId, transaction_id: invH, reason: 'Credit check', held_until: null, created_by: 'test', lifted_by: null, lifted_at: null }).execute();
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('refuses agents on the codes, on posting and on limits, with 403 and nothing saved', async () => {
    // The signed-in agent's role is read when the app starts: an app of its own, signed in as an agent.
    const handle = await openTestDatabase(name);
    await handle.db.insertInto('agents').values({ entra_oid: 'development-demo-agent', email: 'demo.agent@example.com', name: 'Demo Agent', role: 'agent', default_pool: null, write_off_limit: null }).execute();
    const app = await buildApp({ config: loadConfig({ ACCOUNTING_CURRENCY: 'USD' }), db: handle, logger: false, addinDir: '/nonexistent' });
    try {
      await app.ready();
      const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => app.inject({ method, url, ...(payload ? { payload } : {}) });
      const codes = await call('GET', '/api/interest/codes');
      expect(codes.statusCode).toBe(403);
      expect(codes.json()).toMatchObject({ code: 'forbidden', message: expect.stringContaining('interest codes') });
      expect((await call('POST', '/api/interest/codes', STD)).statusCode).toBe(403);
      expect((await call('PATCH', '/api/interest/codes/STD', { rateBp: 1, version: 1 })).statusCode).toBe(403);
      expect((await call('PUT', `/api/interest/customers/${w.customerId}/code`, { code: null })).statusCode).toBe(403);
      expect((await call('POST', '/api/interest/notes', { asOf: AS_OF, customerIds: [w.customerId] })).statusCode).toBe(403);
      expect((await call('GET', '/api/agents')).statusCode).toBe(403);
      expect((await call('GET', `/api/interest/proposals?asOf=${AS_OF}`)).statusCode).toBe(200);
      expect(await handle.db.selectFrom('interest_codes').selectAll().execute()).toEqual([]);
      expect(await handle.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
    } finally {
      await app.close();
      await handle.close();
    }
  });

  const badCodes: Array<[string, object, number, string]> = [
    ['a negative rate', { ...STD, rateBp: -1 }, 400, 'rateBp'],
    ['a lower-case code', { ...STD, code: 'std' }, 400, 'code'],
    ['an unknown currency', { ...STD, currency: 'XYZ' }, 400, 'currency'],
    ['a negative minimum', { ...STD, minimum: -5 }, 400, 'minimum'],
    ['an unknown period', { ...STD, period: 'week' }, 400, 'period'],
  ];
  it.skipIf(skipReason).each(badCodes)('refuses a code with %s, naming the field, and saves nothing', async (_n, body, status, field) => {
    const before = await counts();
    const response = await w.call('POST', '/api/interest/codes', body);
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(skipReason)('lets a manager add the default code, refuses it twice, and refuses a stale change', async () => {
    const created = await w.call('POST', '/api/interest/codes', STD);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'STD', rateBp: 150, version: 1, isDefault: true, active: true });
    expect((await w.call('POST', '/api/interest/codes', STD)).statusCode).toBe(409);
    const stale = await w.call('PATCH', '/api/interest/codes/STD', { description: 'x', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', details: { current: { version: 1 } } });
    expect((await w.call('GET', '/api/interest/codes')).json().items).toHaveLength(1);
  });

  it.skipIf(skipReason)('proposes the hand-computed interest, leaving out held, disputed and in-grace items', async () => {
    const response = await w.call('GET', `/api/interest/proposals?asOf=${AS_OF}&customerId=${w.customerId}`);
    expect(response.statusCode).toBe(200);
    const [item] = response.json().items;
    expect(item.code).toBe('STD');
    // 30 days (5 Feb – 6 Mar) at 1.5 % a month: 1,000.00 → 15.00; 300.00 still open of INV-2 → 4.50; EUR 200.00 → 3.00.
    expect(item.notes).toEqual([
      {
        currency: 'EUR', total: 300, totalAccounting: 330,
        lines: [{ transactionId: invE, document: 'INV-E', dueDate: '2026-02-04', from: '2026-02-05', to: AS_OF, days: 30, rateBp: 150, period: 'month', base: 20_000, interest: 300 }],
      },
      {
        currency: 'USD', total: 1_950, totalAccounting: 1_950,
        lines: [
          { transactionId: inv1, document: 'INV-1', dueDate: '2026-02-04', from: '2026-02-05', to: AS_OF, days: 30, rateBp: 150, period: 'month', base: 100_000, interest: 1_500 },
          { transactionId: inv2, document: 'INV-2', dueDate: '2026-02-04', from: '2026-02-05', to: AS_OF, days: 30, rateBp: 150, period: 'month', base: 30_000, interest: 450 },
        ],
      },
    ]);
    expect(item.skipped).toEqual(expect.arrayContaining([
      { transactionId: invD, document: 'INV-D', reason: 'disputed' },
      { transactionId: invG, document: 'INV-G', reason: 'in_grace' },
      { transactionId: invH, document: 'INV-H', reason: 'held' },
    ]));
  });

  it.skipIf(skipReason)('refuses bad posts with a 4xx and saves nothing', async () => {
    const before = await counts();
    const cases: Array<[object, number, string]> = [
      [{ asOf: '2026-02-30', customerIds: [w.customerId] }, 400, 'asOf'],
      [{ asOf: '2999-01-01', customerIds: [w.customerId] }, 422, 'asOf'],
      [{ asOf: AS_OF, customerIds: [] }, 400, 'customerIds'],
      [{ asOf: AS_OF, customerIds: ['7b0a3bd5-3f0e-4e53-8d55-2f4f9c7e2a10'] }, 404, '7b0a3bd5'],
      [{ asOf: AS_OF, customerIds: [w.customerId], expected: [{ customerId: w.customerId, currency: 'USD', total: 1_949 }] }, 409, 'review'],
    ];
    for (const [body, status, text] of cases) {
      const response = await w.call('POST', '/api/interest/notes', body, { 'idempotency-key': `bad-${status}-${text}` });
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().message).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it.skipIf(skipReason)('posts the reviewed notes once under one key, as interest entries in the ledger and the postings feed', async () => {
    const before = await counts();
    const body = { asOf: AS_OF, customerIds: [w.customerId], expected: [{ customerId: w.customerId, currency: 'USD', total: 1_950 }, { customerId: w.customerId, currency: 'EUR', total: 300 }] };
    const first = await w.call('POST', '/api/interest/notes', body, { 'idempotency-key': 'interest-1' });
    expect(first.statusCode).toBe(201);
    const again = await w.call('POST', '/api/interest/notes', body, { 'idempotency-key': 'interest-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const notes = first.json().items as Array<{ id: string; number: string; currency: string; total: number; entryId: string }>;
    expect(notes.map((n) => [n.currency, n.total])).toEqual(expect.arrayContaining([['USD', 1_950], ['EUR', 300]]));
    expect(notes.every((n) => /^IN-\d{6}$/.test(n.number))).toBe(true);
    const after = await counts();
    expect(after.notes - before.notes).toBe(2);
    expect(after.entries - before.entries).toBe(2);
    const transactions = (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=all`)).json().items as Array<{ document: string; kind: string; amount: number; currency: string }>;
    const usd = notes.find((n) => n.currency === 'USD')!;
    expect(transactions.find((t) => t.document === usd.number)).toMatchObject({ kind: 'interest', amount: 1_950, currency: 'USD' });
    const feed = (await w.call('GET', '/api/exports/postings?after=0')).json().items as Array<{ kind: string; details: Record<string, unknown> }>;
    expect(feed.filter((p) => p.kind === 'interest_note').map((p) => p.details.document).sort()).toEqual(notes.map((n) => n.number).sort());
    // Charged through the as-of date: a new key for the same date finds nothing left to charge.
    const twice = await w.call('POST', '/api/interest/notes', { asOf: AS_OF, customerIds: [w.customerId] }, { 'idempotency-key': 'interest-2' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ code: 'no_interest_due' });
    expect(await counts()).toEqual(after);
  });

  it.skipIf(skipReason)('charges only the days after the last note: a month later, 30 more days', async () => {
    const [item] = (await w.call('GET', `/api/interest/proposals?asOf=2026-04-05&customerId=${w.customerId}`)).json().items;
    const usd = item.notes.find((n: { currency: string }) => n.currency === 'USD');
    expect(usd.lines[0]).toMatchObject({ document: 'INV-1', from: '2026-03-07', to: '2026-04-05', days: 30, interest: 1_500 });
  });

  it.skipIf(skipReason)('reprints a note exactly as posted, from its row too, even after its code changed', async () => {
    const notes = (await w.call('GET', `/api/interest/notes?customerId=${w.customerId}`)).json().items as Array<{ id: string; number: string; currency: string; version?: number }>;
    const usd = notes.find((n) => n.currency === 'USD')!;
    const pdf = await w.call('GET', `/api/interest/notes/${usd.id}.pdf`);
    const html = await w.call('GET', `/api/interest/notes/${usd.id}.html`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(html.body).toContain(usd.number);
    expect(html.body).toContain('1.50 % a month');
    expect(html.body).toMatch(/USD\s19\.50/);
    mkdirSync('/tmp/shots', { recursive: true });
    writeFileSync(`/tmp/shots/interest-note-${name}.pdf`, pdf.rawPayload);

    await w.call('PATCH', '/api/interest/codes/STD', { rateBp: 900, description: 'Changed later', version: 1 });
    const pdfAgain = await w.call('GET', `/api/interest/notes/${usd.id}.pdf`);
    const htmlAgain = await w.call('GET', `/api/interest/notes/${usd.id}.html`);
    expect(Buffer.compare(pdfAgain.rawPayload, pdf.rawPayload)).toBe(0);
    expect(htmlAgain.body).toBe(html.body);

    const documents = (await w.call('GET', `/api/transactions/${inv1}/documents`)).json().items;
    expect(documents).toEqual([expect.objectContaining({ id: usd.id, kind: 'interest_note', number: usd.number, pdfUrl: `/api/interest/notes/${usd.id}.pdf` })]);
  });

  it.skipIf(skipReason)('lets a manager set an agent’s write-off limit, audited', async () => {
    const agents = (await w.call('GET', '/api/agents')).json();
    expect(agents.accountingCurrency).toBe('USD');
    const agent = agents.items[0];
    const response = await w.call('PATCH', `/api/agents/${agent.id}`, { writeOffLimit: 25_000 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: agent.id, writeOffLimit: 25_000 });
    expect((await w.call('PATCH', `/api/agents/${agent.id}`, { writeOffLimit: -1 })).statusCode).toBe(400);
  });
});
