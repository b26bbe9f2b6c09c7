// Posting a letter: once per customer, level and date (one letter, one fee entry), the fee as a
// ledger entry, the stored PDF reprinted byte for byte after the ledger changed, Graph mail queued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../server/auth/agents';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { DomainError } from '../../../server/domain/errors';
import { postLetter, type PostLetterOptions } from '../../../server/letters/post';
import { findLetterDocument } from '../../../server/letters/store/letters';
import { letterTimelineEntries } from '../../../server/letters/timeline';
import { GraphSchemas } from '../../support/graph-schema';
import { openTestDatabase, testDatabases } from '../../support/db';
import { createAgent, createCustomer, loadLetterJson, SETTINGS } from './world';

describe.each(testDatabases)('posting letters on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  let agent: Agent;
  let customer: { id: string; invoiceIds: string[] };

  beforeEach(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    agent = await createAgent(handle.db);
    customer = await createCustomer(handle.db, {
      account: 'C-100',
      currency: 'EUR',
      invoices: [['INV-1', '2026-01-10', 40000n, 44000n], ['INV-2', '2026-02-20', 30000n, 33000n]],
    });
  });
  afterEach(async () => {
    if (!skipReason) await handle.close();
  });

  const options = (overrides: Partial<PostLetterOptions> = {}): PostLetterOptions => ({
    customerId: customer.id,
    asOf: '2026-03-01',
    delivery: 'reply',
    agent,
    accountingCurrency: 'USD',
    settings: SETTINGS,
    ...overrides,
  });

  it.skipIf(skipReason)('posts once per customer, level and date: a repeat returns the same letter and adds no fee', async () => {
    const first = await postLetter(handle.db, options());
    const again = await postLetter(handle.db, options());
    const replay = await postLetter(handle.db, options({ level: 1 }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ letterId: first.letterId, created: false });
    expect(replay).toEqual({ letterId: first.letterId, created: false });
    expect(await handle.db.selectFrom('collection_letters').select('id').execute()).toHaveLength(1);

    const letter = await loadLetterJson(handle.db, first.letterId, 'USD');
    expect(letter).toMatchObject({ number: 'CL-000001', level: 1, levelName: 'Reminder', letterDate: '2026-03-01', fee: null, totalAccounting: 77000 });
    expect(letter!.lines.map((l) => [l.document, l.daysOverdue])).toEqual([['INV-1', 50], ['INV-2', 9]]);
    const audit = await handle.db.selectFrom('audit_events').selectAll().where('entity', '=', 'collection_letter').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: agent.id, action: 'letter.posted', entity_id: first.letterId });
  });

  it.skipIf(skipReason)('posts the next level’s fee as a ledger entry in the customer’s currency, due in 14 days', async () => {
    await postLetter(handle.db, options({ asOf: '2026-01-20' }));
    const second = await postLetter(handle.db, options({ asOf: '2026-02-19', requestKey: 'key-2' }));
    const repeated = await postLetter(handle.db, options({ asOf: '2026-02-19', requestKey: 'key-2' }));
    expect(repeated).toEqual({ letterId: second.letterId, created: false });
    const letter = await loadLetterJson(handle.db, second.letterId, 'USD');
    expect(letter).toMatchObject({ number: 'CL-000002', level: 2, fee: { currency: 'EUR', amount: 900, amountAccounting: 1000 } });
    const fees = await handle.db.selectFrom('ledger_entries').selectAll().where('kind', '=', 'fee').execute();
    expect(fees).toHaveLength(1);
    expect(fees[0]).toMatchObject({
      id: letter!.feeEntryId, document: 'CL-000002', posting_date: '2026-02-19', due_date: '2026-03-05', currency: 'EUR', amount: 900n, amount_accounting: 1000n,
    });
    const timeline = await letterTimelineEntries(handle.db, customer.id, '2026-01-01', '2026-12-31', 'USD');
    expect(timeline.map((t) => [t.title, t.details.level, t.details.fee])).toEqual([['CL-000002', 2, '9.00 EUR'], ['CL-000001', 1, null]]);
  });

  it.skipIf(skipReason)('reprints the stored PDF and HTML byte for byte after the ledger changed', async () => {
    const { letterId } = await postLetter(handle.db, options());
    const before = await findLetterDocument(handle.db, letterId);
    const payment = await handle.db
      .insertInto('ledger_entries')
      .values({ customer_id: customer.id, kind: 'payment', document: 'PAY-1', posting_date: '2026-03-02', due_date: null, currency: 'EUR', amount: -40000n, amount_accounting: -44000n })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle.db.insertInto('settlements').values({ debit_id: customer.invoiceIds[0]!, credit_id: payment.id, amount: 40000n, settled_on: '2026-03-02' }).execute();
    await handle.db.updateTable('customers').set({ name: 'Renamed Ltd' }).where('id', '=', customer.id).execute();
    const after = await findLetterDocument(handle.db, letterId);
    expect(after!.pdf.equals(before!.pdf)).toBe(true);
    expect(after!.html).toBe(before!.html);
    expect(after!.html).toContain('Customer C-100');
  });

  it.skipIf(skipReason)('queues one valid Graph sendMail with the PDF attached, in the posting transaction', async () => {
    const { letterId } = await postLetter(handle.db, options({ delivery: 'graph' }));
    await postLetter(handle.db, options({ delivery: 'graph' }));
    const rows = await handle.db.selectFrom('outbox').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'mail', agent_id: agent.id, idempotency_key: `letter-mail:${letterId}` });
    const body = rows[0]!.payload as unknown as { message: { toRecipients: unknown[]; attachments: Array<{ contentBytes: string }> } };
    expect(new GraphSchemas().check('POST', '/me/sendMail', body)).toEqual([]);
    expect(body.message.toRecipients).toEqual([{ emailAddress: { address: 'ap@c-100.example', name: 'Pat Payable' } }]);
    const stored = await findLetterDocument(handle.db, letterId);
    expect(Buffer.from(body.message.attachments[0]!.contentBytes, 'base64').equals(stored!.pdf)).toBe(true);
    expect((await loadLetterJson(handle.db, letterId, 'USD'))!.status).toBe('posted');
    await handle.db.updateTable('outbox').set({ result: 'sent', done_at: new Date() }).execute();
    expect((await loadLetterJson(handle.db, letterId, 'USD'))!.status).toBe('sent');
  });

  it.skipIf(skipReason)('refuses when no letter is due, saying why', async () => {
    await handle.db.updateTable('customers').set({ letters_excluded: true }).execute();
    const error = await postLetter(handle.db, options()).catch((e: unknown) => e);
    // A conflict: server/http/errors.ts answers it with 409.
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'no_letter_due', kind: 'conflict', details: { reason: 'excluded' } });
    expect(await handle.db.selectFrom('ledger_entries').select('id').where('kind', '=', 'fee').execute()).toHaveLength(0);
  });
});
