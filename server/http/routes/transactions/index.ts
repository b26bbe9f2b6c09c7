// Routes about transactions that are not under one customer: NSF on a payment, its documents to
// reprint, the managed reason codes, its settlements and reversing one, deciding write-offs, and the
// agents' write-off limits.
import type { FastifyPluginAsync } from 'fastify';
import settlements from '../settlements';
import writeOffs from '../write-offs';
import agents from './agents';
import documents from './documents';
import nsf from './nsf';
import reasonCodes from './reason-codes';
import settlementList from './settlement-list';

const transactions: FastifyPluginAsync = async (app) => {
  await app.register(reasonCodes);
  await app.register(nsf);
  await app.register(documents);
  await app.register(settlements);
  await app.register(writeOffs);
  await app.register(settlementList);
  await app.register(agents);
};

export default transactions;
