// The customer picture under /api/customers: lookup by sender, search, summary, open transactions,
// timeline and contacts.
import type { FastifyPluginAsync } from 'fastify';
import contacts from './contacts';
import drafts from './drafts';
import history from './history';
import lookup from './lookup';
import search from './search';
import settlements from './settlements';
import summary from './summary';
import timeline from './timeline';
import transactions from './transactions';
import transactionsStatus from './transactions-status';
import writeOffs from './write-offs';

const customers: FastifyPluginAsync = async (app) => {
  await app.register(lookup);
  await app.register(search);
  await app.register(summary);
  await app.register(transactions);
  await app.register(timeline);
  await app.register(contacts);
  await app.register(drafts);
  await app.register(transactionsStatus);
  await app.register(history);
  await app.register(settlements);
  await app.register(writeOffs);
};

export default customers;
