// The activities API: log a call, task, appointment, event or note for a customer (a promise to pay
// or a dispute updates the named transactions in the same transaction), list them, edit/complete/cancel.
import type { FastifyPluginAsync } from 'fastify';
import create from './create';
import list from './list';
import type { ActivitiesRouteOptions } from './options';
import update from './update';

const activities: FastifyPluginAsync<ActivitiesRouteOptions> = async (app, opts) => {
  // Only these two: the options Fastify hands a plugin also carry the prefix, which must not apply twice.
  const options: ActivitiesRouteOptions = { graphEnabled: opts.graphEnabled, onQueued: opts.onQueued };
  await app.register(list, options);
  await app.register(create, options);
  await app.register(update, options);
};

export default activities;
