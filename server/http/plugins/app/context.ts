// The application's own decorators: app.db (typed Kysely queries), app.dbHandle (the handle it
// comes from, for transactions that bulk-load) and app.config, shared with every route plugin.
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config';
import type { DatabaseHandle } from '../../../db/kysely';
import type { Database } from '../../../db/schema';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbHandle: DatabaseHandle;
    config: Config;
  }
}

export default fp<{ db: DatabaseHandle; config: Config }>(
  async (app, opts) => {
    app.decorate('db', opts.db.db);
    app.decorate('dbHandle', opts.db);
    app.decorate('config', opts.config);
  },
  { name: 'context' },
);
