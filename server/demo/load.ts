// Loads the demo company into an empty database through the product's own import, then applies
// the collection statuses (promises to pay, disputes) that the import formats have no columns for,
// and the links to some invoices' copies (the showcase customers', so the demo has both kinds).
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/kysely';
import type { Database } from '../db/schema';
import { importFiles, type ImportReport, type ImportSource } from '../import/index';
import type { IsoDate } from '../domain/types';
import { DEMO_DEFAULT_CUSTOMERS, generateCompany, type DemoDocumentLink, type DemoStatusRow } from './company';
import type { DemoFileKind } from './csv';
import { DEMO_AGENTS } from './names';

const FILES: readonly DemoFileKind[] = ['customers', 'contacts', 'contracts', 'ledger', 'settlements'];
const STATUS_BATCH = 500;

async function* asAsync(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

/** The demo agents, so customers.csv's agent_email names people the database knows. */
async function ensureAgents(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('agents')
    .values(DEMO_AGENTS.map((a) => ({ email: a.email, name: a.name, role: a.role })))
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

async function applyStatuses(db: Kysely<Database>, rows: Iterable<DemoStatusRow>): Promise<number> {
  let applied = 0;
  let batch: DemoStatusRow[] = [];
  const flush = async (trx: Kysely<Database>) => {
    if (batch.length === 0) return;
    const values = sql.join(batch.map((r) => sql`(${r.externalId}, ${r.status}, ${r.statusDate}::date,
      ${r.promiseDate}::date, ${r.promiseAmount === null ? null : r.promiseAmount.toString()}::bigint, ${r.disputeReason})`));
    const result = await sql`
      UPDATE ledger_entries AS l
      SET collection_status = v.status, status_date = v.status_date, promise_date = v.promise_date,
          promise_amount = v.promise_amount, dispute_reason = v.dispute_reason
      FROM (VALUES ${values}) AS v(external_id, status, status_date, promise_date, promise_amount, dispute_reason)
      WHERE l.external_id = v.external_id`.execute(trx);
    applied += Number(result.numAffectedRows ?? 0n);
    batch = [];
  };
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= STATUS_BATCH) await flush(trx);
    }
    await flush(trx);
    await trx
      .insertInto('audit_events')
      .values({ actor: 'demo', action: 'demo.statuses', entity: 'ledger_entries', entity_id: null, before: null, after: JSON.stringify({ applied }) })
      .execute();
  });
  return applied;
}

async function applyDocumentLinks(db: Kysely<Database>, links: Iterable<DemoDocumentLink>): Promise<void> {
  const all = [...links];
  for (let i = 0; i < all.length; i += STATUS_BATCH) {
    const values = sql.join(all.slice(i, i + STATUS_BATCH).map((l) => sql`(${l.externalId}, ${l.url})`));
    await sql`
      UPDATE ledger_entries AS l SET document_url = v.url
      FROM (VALUES ${values}) AS v(external_id, url)
      WHERE l.external_id = v.external_id`.execute(db);
  }
}

/**
 * Loads the demo company as of `asOf` when the database holds no customer; returns the import's
 * report, or null when there were customers already (the demo never mixes with real data).
 */
export async function loadDemo(
  database: DatabaseHandle,
  opts: { asOf: IsoDate; accountingCurrency: string; customers?: number; seed?: number },
): Promise<ImportReport | null> {
  const { db } = database;
  const existing = await db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const company = generateCompany({
    customers: opts.customers ?? DEMO_DEFAULT_CUSTOMERS,
    asOf: opts.asOf,
    accountingCurrency: opts.accountingCurrency,
    seed: opts.seed,
  });
  await ensureAgents(db);
  const sources: ImportSource[] = FILES.map((kind) => ({
    name: `${kind}.csv`,
    open: () => asAsync(company.files[kind]()),
  }));
  const report = await importFiles(database, sources, { accountingCurrency: opts.accountingCurrency, actor: 'demo' });
  await applyStatuses(db, company.statuses());
  await applyDocumentLinks(db, company.documentLinks());
  return report;
}
