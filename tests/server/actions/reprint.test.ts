// Reprint on PGlite and PostgreSQL: a transaction's stored documents are the collection letters
// that listed it, newest first, each with the URLs of its stored PDF and HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/db';
import { openActionsWorld, type ActionsWorld } from './world';

describe.each(testDatabases)('reprint on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let listed: string;
  let other: string;
  let letterId: string;

  beforeAll(async () => {
    if (skipReason) return;
    w = await openActionsWorld(name);
    const db = w.t.handle.db;
    listed = await w.entry('INV-1', 10_000n);
    other = await w.entry('INV-2', 10_000n);
    const sequence = await db.insertInto('collection_letter_sequences').values({ name: 'Reprint test', created_at: new Date(), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    ({ id: letterId } = await db
      .insertInto('collection_letters')
      .values({
        number: 'CL-000007', customer_id: w.customerId, sequence_id: sequence.id, level: 1, level_name: 'Reminder', letter_date: '2026-03-01', language: 'en',
        fee_entry_id: null, fee_currency: null, fee_amount: null, fee_accounting: null, total_accounting: 10_000n, totals: JSON.stringify([]), delivery: 'reply',
        recipient: null, subject: 'Reminder', html: '<p>Reminder</p>', pdf: new Uint8Array([37, 80, 68, 70]), idempotency_key: 'reprint-test', request_key: null,
        batch_id: null, posted_by: 'test', created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow());
    await db.insertInto('collection_letter_lines').values({ letter_id: letterId, entry_id: listed, currency: 'USD', open_amount: 10_000n, open_accounting: 10_000n, days_overdue: 25 }).execute();
  });
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('lists the letters a transaction appeared on, and nothing for another', async () => {
    const response = await w.call('GET', `/api/transactions/${listed}/documents`);
    expect(response.json().items).toEqual([
      { id: letterId, kind: 'collection_letter', number: 'CL-000007', date: '2026-03-01', title: 'Reminder', pdfUrl: `/api/letters/${letterId}.pdf`, htmlUrl: `/api/letters/${letterId}.html` },
    ]);
    expect((await w.call('GET', `/api/transactions/${other}/documents`)).json().items).toEqual([]);
    expect((await w.call('GET', '/api/transactions/not-an-id/documents')).statusCode).toBe(404);
  });
});
