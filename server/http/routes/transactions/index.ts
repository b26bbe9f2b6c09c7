// Routes about transactions that are not under one customer: NSF on a payment, its documents to
// reprint, the managed reason codes, reversing a settlement and deciding write-offs.
import type { FastifyPluginAsync } from 'fastify';
import settlements from '../settlements';
import writeOffs from '../write-offs';
import documents from './documents';
import nsf from './nsf';
import reasonCodes from './reason-codes';

const transactions: FastifyPluginAsync = async (app) => {
  await app.register(reasonCodes);
  await app.register(nsf);
  await app.register(documents);
  await app.register(settlements);
  await app.register(writeOffs);
};

export default transactions;
