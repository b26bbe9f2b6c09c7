// The JSON API under /api, assembled here and nowhere else: one plugin per branch of the URL tree,
// each with its schemas.
import type { FastifyPluginAsync } from 'fastify';
import activities from './activities';
import authConfig from './auth-config';
import postings from './exports/postings';
import customers from './customers';
import holds from './holds';
import importRoutes from './import';
import interest from './interest';
import letters from './letters';
import pools from './pools';
import preview from './preview';
import agedReceivables from './reports/aged-receivables';
import transactions from './transactions';

export interface ApiOptions {
  /** Whether activities sync to Outlook (Graph configured). */
  graphEnabled: boolean;
  /** Called when something was queued in the Graph outbox, so the worker looks at once. */
  onQueued: () => void;
}

const api: FastifyPluginAsync<ApiOptions> = async (app, opts) => {
  await app.register(authConfig);
  await app.register(customers);
  await app.register(activities, { graphEnabled: opts.graphEnabled, onQueued: opts.onQueued });
  await app.register(letters, { onQueued: opts.onQueued });
  // The simulated inbox is demo material for the browser preview; a signed-in deployment has none.
  if (app.config.auth.mode === 'development') await app.register(preview);
  await app.register(importRoutes);
  await app.register(agedReceivables);
  await app.register(pools);
  await app.register(transactions);
  await app.register(postings);
  await app.register(interest);
  await app.register(holds);
};

export default api;
