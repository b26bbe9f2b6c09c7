// Statements of account through the API on PGlite and PostgreSQL: the open items and totals are the
// transactions route's, the aging the summary's; an activity statement closes at opening plus the
// period's postings; a statement is sent once per Idempotency-Key, audited, on the timeline, and
// reprints exactly as sent; bad input is a 4xx naming the field with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../../server/db/repositories/ledger';
import { activityStatement, openItemsStatement } from '../../../server/domain/statements';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import type { StatementResponse } from '../../../server/http/schemas/statements';
import type { TimelineResponse } from '../../../server/http/schemas/timeline';
import type { TransactionsResponse } from '../../../server/http/schemas/transactions';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from '../actions/world';

const AS_OF = '2026-03-15';

describe.each(testDatabases)('statements on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  const count = async (table: 'statements' | 'outbox') =>
    Number((await w.t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const send = (payload: object, key?: string) =>
    w.call('POST', `/api/customers/${w.customerId}/statements`, payload, key ? { 'idempotency-key': key } : {});

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    const inv1 = await w.entry('INV-1001', 100_000n, { posted: '2026-01-05', due: '2026-02-04' });
    await w.entry('INV-1002', 40_000n, { posted: '2026-02-20', due: '2026-03-22' });
    await w.entry('INV-E1', 50_000n, { posted: '2026-01-10', due: '2026-02-09', currency: 'EUR' });
    await w.entry('INV-0900', 20_000n, { posted: '2025-12-01', due: '2025-12-31' });
    const pay = await w.entry('PAY-1', -30_000n, { posted: '2026-02-10' });
    await w.entry('CN-7', -5_000n, { posted: '2026-03-01', kind: 'credit_note' });
    await w.settle(inv1, pay, 30_000n, '2026-02-10');
  }, 300_000);
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('lists the open items and totals of the transactions route and ages them as the summary does', async () => {
    const tx = (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=open&asOf=${AS_OF}`)).json<TransactionsResponse>();
    const summary = (await w.call('GET', `/api/customers/${w.customerId}/summary?asOf=${AS_OF}`)).json<CustomerSummary>();
    const { entries, settlements } = await loadLedger(w.t.handle.db, w.customerId, AS_OF);
    const statement = openItemsStatement(entries, settlements, AS_OF, 'USD');
    expect(statement.items.map((i) => [i.entryId, Number(i.open), i.daysOverdue])).toEqual(tx.items.map((t) => [t.id, t.open, t.daysOverdue]));
    expect(statement.totals.map((t) => ({ currency: t.currency, open: Number(t.open) }))).toEqual(tx.totals);
    expect(statement.aging.map((b) => Number(b.amount))).toEqual(summary.aging.map((b) => b.amount));
    expect(Number(statement.balance)).toBe(summary.balance);

    const preview = await w.call('GET', `/api/customers/${w.customerId}/statements/preview?kind=open_items&asOf=${AS_OF}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    for (const item of tx.items) expect(preview.body).toContain(item.document);
    expect(preview.body).toContain('Statement of account');
    expect(preview.body).toContain('Draft');

    const sent = await send({ kind: 'open_items', delivery: 'reply', asOf: AS_OF }, 'st-open-1');
    expect(sent.statusCode).toBe(201);
    expect(sent.json<StatementResponse>().totals).toEqual(tx.totals);
  });

  it.skipIf(skipReason)('closes an activity statement at the opening balance plus the postings of the period', async () => {
    const { entries } = await loadLedger(w.t.handle.db, w.customerId, AS_OF);
    const activity = activityStatement(entries, '2026-02-01', AS_OF, 'USD');
    const usd = activity.currencies.find((c) => c.currency === 'USD')!;
    expect(usd.opening).toBe(120_000n);
    expect(activity.postings.filter((p) => p.currency === 'USD').map((p) => p.document)).toEqual(['PAY-1', 'INV-1002', 'CN-7']);
    expect(usd.closing).toBe(usd.opening + 40_000n - 30_000n - 5_000n);

    const sent = await send({ kind: 'activity', delivery: 'reply', asOf: AS_OF, from: '2026-02-01' }, 'st-act-1');
    expect(sent.statusCode).toBe(201);
    const tx = (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=open&asOf=${AS_OF}`)).json<TransactionsResponse>();
    // The closing balance of each currency is what is open on the date.
    expect(sent.json<StatementResponse>().totals).toEqual(tx.totals);
    const html = await w.call('GET', sent.json<StatementResponse>().htmlUrl);
    expect(html.body).toContain('Opening balance');
    expect(html.body).toContain('Closing balance');
  });

  it.skipIf(skipReason)('sends once per key, audits it, shows it on the timeline and reprints it exactly as sent', async () => {
    const first = await send({ kind: 'open_items', delivery: 'reply', asOf: AS_OF }, 'st-once');
    const again = await send({ kind: 'open_items', delivery: 'reply', asOf: AS_OF }, 'st-once');
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    const statement = first.json<StatementResponse>();
    expect(again.json<StatementResponse>()).toMatchObject({ id: statement.id, created: false });
    expect(statement.number).toMatch(/^ST-\d{6}$/);
    const audits = await w.t.handle.db.selectFrom('audit_events').select(['actor', 'after']).where('entity_id', '=', statement.id).where('action', '=', 'statement.sent').execute();
    expect(audits).toHaveLength(1);

    const pdf = (await w.call('GET', statement.pdfUrl)).rawPayload;
    const html = (await w.call('GET', statement.htmlUrl)).body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The ledger moves on; the reprint does not, while the preview does.
    await w.entry('INV-2001', 77_700n, { posted: '2026-03-10', due: '2026-04-09' });
    expect((await w.call('GET', statement.pdfUrl)).rawPayload.equals(pdf)).toBe(true);
    expect((await w.call('GET', statement.htmlUrl)).body).toBe(html);
    expect(html).not.toContain('INV-2001');
    expect((await w.call('GET', `/api/customers/${w.customerId}/statements/preview?kind=open_items&asOf=${AS_OF}`)).body).toContain('INV-2001');

    const link = (await w.call('POST', `/api/statements/${statement.id}/pdf-link`)).json<{ url: string }>();
    const fetched = await w.t.app.inject({ url: link.url });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.rawPayload.equals(pdf)).toBe(true);
    expect((await w.t.app.inject({ url: link.url.replace(/sig=[^&]+/, 'sig=forged') })).statusCode).toBe(403);

    const timeline = (await w.call('GET', `/api/customers/${w.customerId}/timeline?from=2026-01-01&to=2026-12-31`)).json<TimelineResponse>();
    expect(timeline.entries.filter((e) => e.type === 'statement').map((e) => e.title)).toContain(statement.number);
  });

  it.skipIf(skipReason)('queues a Graph statement once in the outbox', async () => {
    await w.t.handle.db.insertInto('contacts').values({ customer_id: w.customerId, email: 'ap@contoso.com', name: 'Accounts payable', phone: null, role: 'Accounts payable' }).execute();
    const before = await count('outbox');
    const first = await send({ kind: 'open_items', delivery: 'graph', asOf: AS_OF }, 'st-graph');
    await send({ kind: 'open_items', delivery: 'graph', asOf: AS_OF }, 'st-graph');
    expect(first.json<StatementResponse>()).toMatchObject({ recipient: 'ap@contoso.com', mailStatus: 'queued' });
    expect(await count('outbox')).toBe(before + 1);
  });

  it.skipIf(skipReason)('answers bad input with a 4xx naming the field and saves nothing', async () => {
    const before = await count('statements');
    const cases: Array<[object, number, string]> = [
      [{ delivery: 'reply' }, 400, 'kind'],
      [{ kind: 'open_items', delivery: 'fax' }, 400, 'delivery'],
      [{ kind: 'open_items', delivery: 'reply', asOf: '2026-02-30' }, 400, 'asOf'],
      [{ kind: 'open_items', delivery: 'reply', from: '2026-01-01' }, 400, 'from'],
      [{ kind: 'activity', delivery: 'reply', asOf: AS_OF, from: '2026-04-01' }, 400, 'from'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await send(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json<{ message: string }>().message).toContain(field);
    }
    const reused = await send({ kind: 'activity', delivery: 'reply', asOf: AS_OF }, 'st-once');
    expect(reused.statusCode).toBe(422);
    expect((await w.call('POST', '/api/customers/00000000-0000-4000-8000-000000000000/statements', { kind: 'open_items', delivery: 'reply' })).statusCode).toBe(404);
    expect((await w.call('GET', `/api/customers/${w.customerId}/statements/preview?asOf=${AS_OF}`)).statusCode).toBe(400);
    expect((await w.call('GET', '/api/statements/nope.pdf')).statusCode).toBe(404);
    expect(await count('statements')).toBe(before);
  });

  it.skipIf(skipReason)('carries a ledger entry\'s https document link to the transactions list', async () => {
    const db = w.t.handle.db;
    const id = await w.entry('INV-DOC', 1_000n, { posted: '2026-03-01', due: '2026-03-31' });
    await db.updateTable('ledger_entries').set({ document_url: 'https://erp.example.com/invoices/INV-DOC.pdf' }).where('id', '=', id).execute();
    const tx = (await w.call('GET', `/api/customers/${w.customerId}/transactions?status=open&asOf=${AS_OF}`)).json<TransactionsResponse>();
    expect(tx.items.find((t) => t.id === id)?.documentUrl).toBe('https://erp.example.com/invoices/INV-DOC.pdf');
    expect(tx.items.find((t) => t.document === 'INV-1002')?.documentUrl).toBeNull();
    await expect(db.updateTable('ledger_entries').set({ document_url: 'http://erp.example.com/x.pdf' }).where('id', '=', id).execute()).rejects.toThrow();
  });
});
