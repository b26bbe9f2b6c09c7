// The application's own decorators: app.db (typed Kysely queries) and app.config, shared with
// every route plugin.
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config';
import type { Database } from '../../../db/schema';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    config: Config;
  }
}

export default fp<{ db: Kysely<Database>; config: Config }>(
  async (app, opts) => {
    app.decorate('db', opts.db);
    app.decorate('config', opts.config);
  },
  { name: 'context' },
);
