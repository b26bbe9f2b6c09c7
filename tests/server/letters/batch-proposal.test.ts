// The batch proposal reads every customer in the same few queries however many there are, and
// proposes for each exactly what the one-customer proposal does (disputes, settlements, posted
// letters and other agents' customers included).
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../server/auth/agents';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { postLetter } from '../../../server/letters/post';
import { batchProposal, customerProposal } from '../../../server/letters/proposals';
import { openTestDatabase } from '../../support/db';
import { createAgent, createCustomer, SETTINGS } from './world';

const AS_OF = '2026-03-01';

describe('the batch proposal', () => {
  let handle: DatabaseHandle;
  let collector: Agent;
  let queries = 0;
  const counter: KyselyPlugin = { transformQuery: (args) => ((queries += 1), args.node), transformResult: async (args) => args.result };

  beforeEach(async () => {
    handle = await openTestDatabase('pglite');
    collector = await createAgent(handle.db, 'agent', 'casey@fabrikam.example');
  });
  afterEach(async () => {
    await handle.close();
  });

  const addCustomers = async (from: number, to: number) => {
    for (let i = from; i <= to; i++) {
      await createCustomer(handle.db, { account: `C-${i}`, agentId: collector.id, invoices: [[`INV-${i}`, i % 2 ? '2026-02-01' : '2026-02-27', 30000n * BigInt(i)]] });
    }
  };
  const counted = async (agentId: string | null) => {
    queries = 0;
    await batchProposal(handle.db.withPlugin(counter), agentId, AS_OF, 'USD');
    return queries;
  };

  it('takes the same number of queries for 2 customers as for 12', async () => {
    await addCustomers(1, 2);
    const few = { all: await counted(null), agent: await counted(collector.id) };
    await addCustomers(3, 12);
    expect({ all: await counted(null), agent: await counted(collector.id) }).toEqual(few);
  });

  it("proposes for each customer what the customer's own proposal does", async () => {
    await addCustomers(1, 6);
    const other = await createCustomer(handle.db, { account: 'C-OTHER', invoices: [['INV-X', '2026-01-15', 90000n]] });
    const [first] = await handle.db.selectFrom('customers').select('id').where('account', '=', 'C-5').execute();
    // A posted letter moves its customer on; a dispute and a part payment change what is overdue.
    await postLetter(handle.db, { customerId: first!.id, asOf: '2026-02-20', delivery: 'reply', agent: collector, accountingCurrency: 'USD', settings: SETTINGS });
    await handle.db.updateTable('ledger_entries').set({ collection_status: 'disputed', dispute_reason: 'Wrong price' }).where('document', '=', 'INV-3').execute();
    const invoice = await handle.db.selectFrom('ledger_entries').select(['id', 'customer_id']).where('document', '=', 'INV-1').executeTakeFirstOrThrow();
    const payment = await handle.db
      .insertInto('ledger_entries')
      .values({ customer_id: invoice.customer_id, kind: 'payment', document: 'PAY-1', posting_date: '2026-02-10', due_date: null, currency: 'USD', amount: -1000n, amount_accounting: -1000n })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle.db.insertInto('settlements').values({ debit_id: invoice.id, credit_id: payment.id, amount: 1000n, settled_on: '2026-02-10' }).execute();

    for (const agentId of [null, collector.id]) {
      const batch = await batchProposal(handle.db, agentId, AS_OF, 'USD');
      const customers = await handle.db.selectFrom('customers').select('id').$if(agentId !== null, (q) => q.where('default_agent_id', '=', agentId)).orderBy('account').execute();
      const one = await Promise.all(customers.map((c) => customerProposal(handle.db, c.id, AS_OF, 'USD')));
      expect(batch.items).toEqual(one.filter((p) => p!.proposal.due).map((p) => ({ customer: p!.customer, sequence: p!.sequence, proposal: p!.proposal })));
      const notDue = one.filter((p) => !p!.proposal.due).length;
      expect(batch.items.length).toBeGreaterThan(0);
      expect(notDue).toBeGreaterThan(1);
      expect(Object.values(batch.notDue).reduce((a, b) => a + b, 0)).toBe(notDue);
      expect(batch.items.some((i) => i.customer.id === other.id)).toBe(agentId === null);
    }
  });
});
