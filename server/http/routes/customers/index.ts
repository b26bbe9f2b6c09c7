// The customer picture under /api/customers: lookup by sender, search, summary, open transactions,
// timeline and contacts.
import type { FastifyPluginAsync } from 'fastify';
import agingHistory from './aging-history';
import contacts from './contacts';
import contracts from './contracts';
import drafts from './drafts';
import history from './history';
import holds from './holds';
import lookup from './lookup';
import search from './search';
import settlements from './settlements';
import statements from './statements';
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
  await app.register(contracts);
  await app.register(drafts);
  await app.register(transactionsStatus);
  await app.register(history);
  await app.register(settlements);
  await app.register(writeOffs);
  await app.register(statements);
  await app.register(agingHistory);
  await app.register(holds);
};

export default customers;
