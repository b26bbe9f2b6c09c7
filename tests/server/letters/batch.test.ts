// A batch run posts every proposed letter once, reports sent / skipped / failed with reasons, and
// when interrupted and restarted posts and sends nothing twice: the Graph test server receives one
// valid sendMail per letter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../server/auth/agents';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { OutboxWorker } from '../../../server/graph/worker';
import { createBatch, loadBatch, runBatch } from '../../../server/letters/batch';
import { postLetter } from '../../../server/letters/post';
import { openTestDatabase, testDatabases } from '../../support/db';
import { startGraphServer } from '../../support/graph-server';
import { createAgent, createCustomer, loadLetterJson, SETTINGS } from './world';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(testDatabases)('letter batches on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  let manager: Agent;
  let customers: string[];
  let batchOptions: Parameters<typeof createBatch>[1];

  beforeEach(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    manager = await createAgent(handle.db);
    const collector = await createAgent(handle.db, 'agent', 'casey@fabrikam.example');
    customers = [];
    for (let i = 1; i <= 5; i++) {
      const { id } = await createCustomer(handle.db, { account: `C-${i}`, agentId: collector.id, invoices: [[`INV-${i}`, '2026-02-01', 10000n * BigInt(i)]] });
      customers.push(id);
    }
    // Not the collector's customer, and one with nothing overdue: neither is in the batch.
    await createCustomer(handle.db, { account: 'C-OTHER', invoices: [['INV-X', '2026-02-01', 90000n]] });
    await createCustomer(handle.db, { account: 'C-PAID', agentId: collector.id, invoices: [] });
    batchOptions = { requestedBy: manager, asOf: '2026-03-01', delivery: 'graph', agentId: collector.id, accountingCurrency: 'USD' };
  });
  afterEach(async () => {
    if (!skipReason) await handle.close();
  });
  const run = { accountingCurrency: 'USD', settings: SETTINGS };

  it.skipIf(skipReason)('gives two racing requests with one Idempotency-Key the same batch', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => createBatch(handle.db, { ...batchOptions, requestKey: 'race-1' })));
    expect(new Set(ids).size).toBe(1);
    const batches = await handle.db.selectFrom('collection_letter_batches').select('id').execute();
    expect(batches).toHaveLength(1);
  });

  it.skipIf(skipReason)('resumes an interrupted run without posting or sending anything twice', async () => {
    const batchId = await createBatch(handle.db, { ...batchOptions, requestKey: 'batch-1' });
    expect(await createBatch(handle.db, { ...batchOptions, requestKey: 'batch-1' })).toBe(batchId);

    const stop = new AbortController();
    await runBatch(handle.db, batchId, { ...run, signal: stop.signal, onItem: (done) => done === 2 && stop.abort() });
    const interrupted = await loadBatch(handle.db, batchId);
    expect(interrupted).toMatchObject({ status: 'interrupted', counts: { sent: 2, pending: 3 } });

    // A crash after a letter committed but before its item was marked: the letter exists already.
    await postLetter(handle.db, { customerId: customers[2]!, asOf: '2026-03-01', delivery: 'graph', agent: manager, accountingCurrency: 'USD', settings: SETTINGS });
    // Meanwhile one customer was excluded from letters.
    await handle.db.updateTable('customers').set({ letters_excluded: true }).where('id', '=', customers[4]!).execute();

    await runBatch(handle.db, batchId, run);
    await runBatch(handle.db, batchId, run);
    const done = await loadBatch(handle.db, batchId);
    expect(done).toMatchObject({ status: 'done', counts: { sent: 4, skipped: 1, pending: 0, failed: 0 } });
    expect(done!.items.map((i) => [i.account, i.state])).toEqual([['C-1', 'sent'], ['C-2', 'sent'], ['C-3', 'sent'], ['C-4', 'sent'], ['C-5', 'skipped']]);
    expect(done!.items[4]!.reason).toMatch(/excluded/);
    expect(await handle.db.selectFrom('collection_letters').select('id').execute()).toHaveLength(4);
    expect(await handle.db.selectFrom('outbox').select('id').execute()).toHaveLength(4);

    const graph = await startGraphServer();
    try {
      const worker = new OutboxWorker({
        db: handle.db,
        settings: { baseUrl: graph.baseUrl, timeoutMs: 5000, customerUrl: 'https://localhost/customers/{id}', token: { kind: 'dev', token: graph.token }, inProcessWorker: false },
        tokens: { tokenFor: async () => graph.token, remember: () => undefined },
        log: quiet,
      });
      while ((await worker.runOnce()) > 0);
      await worker.runOnce();
      expect(graph.violations).toEqual([]);
      expect(graph.store.mails).toHaveLength(4);
      const subjects = (graph.store.mails as Array<{ message: { subject: string } }>).map((m) => m.message.subject).sort();
      expect(new Set(subjects).size).toBe(4);
    } finally {
      await graph.close();
    }
    const letter = await handle.db.selectFrom('collection_letters').select('id').executeTakeFirstOrThrow();
    expect((await loadLetterJson(handle.db, letter.id, 'USD'))!.status).toBe('sent');
  });

  it.skipIf(skipReason)('reports a letter that cannot be sent as failed, with the reason, and goes on', async () => {
    await handle.db.deleteFrom('contacts').where('customer_id', '=', customers[0]!).execute();
    const batchId = await createBatch(handle.db, batchOptions);
    await runBatch(handle.db, batchId, run);
    const batch = await loadBatch(handle.db, batchId);
    expect(batch).toMatchObject({ status: 'done', counts: { sent: 4, failed: 1 } });
    expect(batch!.items[0]).toMatchObject({ account: 'C-1', state: 'failed', letterId: null });
    expect(batch!.items[0]!.reason).toMatch(/no contact/);
    expect(await handle.db.selectFrom('ledger_entries').select('id').where('kind', '=', 'fee').execute()).toHaveLength(0);
  });
});
