// The customer picture under /api/customers: lookup by sender, search, summary, open transactions,
// timeline and contacts.
import type { FastifyPluginAsync } from 'fastify';
import contacts from './contacts';
import lookup from './lookup';
import search from './search';
import summary from './summary';
import timeline from './timeline';
import transactions from './transactions';

const customers: FastifyPluginAsync = async (app) => {
  await app.register(lookup);
  await app.register(search);
  await app.register(summary);
  await app.register(transactions);
  await app.register(timeline);
  await app.register(contacts);
};

export default customers;
