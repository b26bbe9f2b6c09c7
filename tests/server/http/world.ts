// Test support for the HTTP suites: the app on a fresh database of one kind, and a small world of
// customers, contacts and ledger entries written straight into it.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import type { Database } from '../../../server/db/schema';
import { openTestDatabase, type TestDatabaseName } from '../../support/db';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export async function openTestApp(
  name: TestDatabaseName,
  opts: { env?: Record<string, string>; addinDir?: string } = {},
): Promise<TestApp> {
  const handle = await openTestDatabase(name);
  const config = loadConfig({ ACCOUNTING_CURRENCY: 'USD', COMPANY_TIMEZONE: 'UTC', ...opts.env });
  const app = await buildApp({ config, db: handle, logger: false, addinDir: opts.addinDir ?? '/nonexistent/dist/addin' });
  await app.ready();
  return {
    app,
    handle,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export interface CustomerSeed {
  account: string;
  name: string;
  domains?: string[];
  contacts?: string[];
  currency?: string;
}

/** Inserts customers (and their contacts); returns their ids by account. */
export async function seedCustomers(db: Kysely<Database>, seeds: CustomerSeed[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const seed of seeds) {
    const { id } = await db
      .insertInto('customers')
      .values({
        account: seed.account,
        name: seed.name,
        currency: seed.currency ?? 'USD',
        status: 'active',
        domains: seed.domains ?? [],
        customer_group: null,
        sales_area: null,
        payment_terms: null,
        credit_limit: null,
        credit_rating: null,
        customer_since: null,
        default_agent_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[seed.account] = id;
    for (const email of seed.contacts ?? []) {
      await db.insertInto('contacts').values({ customer_id: id, email, name: null, phone: null, role: null }).execute();
    }
  }
  return ids;
}
