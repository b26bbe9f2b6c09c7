// The JSON API under /api: one plugin per resource, each with its schemas.
import type { FastifyPluginAsync } from 'fastify';
import authConfig from './auth-config';
import contacts from './customers/contacts';
import lookup from './customers/lookup';
import search from './customers/search';
import summary from './customers/summary';
import timeline from './customers/timeline';
import transactions from './customers/transactions';
import importRoutes from './import';
import preview from './preview';

const api: FastifyPluginAsync = async (app) => {
  await app.register(authConfig);
  await app.register(lookup);
  await app.register(search);
  await app.register(summary);
  await app.register(transactions);
  await app.register(timeline);
  await app.register(contacts);
  // The simulated inbox is demo material for the browser preview; a signed-in deployment has none.
  if (app.config.auth.mode === 'development') await app.register(preview);
  await app.register(importRoutes);
};

export default api;
