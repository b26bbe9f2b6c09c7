// In-process measurements on an open database: which customers to load-test, the domain's share
// of a summary, the all-customer aging query, and the query plans of the summary and the lookup.
import { CompiledQuery, Kysely, PostgresDialect, sql, type CompiledQuery as Compiled } from 'kysely';
import pg from 'pg';
import { findCustomer, lookupCustomers } from '../server/db/repositories/customers';
import { loadLedger, loadOpenLedger } from '../server/db/repositories/ledger';
import type { Database } from '../server/db/schema';
import { matchableDomains } from '../server/domain/public-domains';
import { summarize } from '../server/domain/summary';
import { agingOfAllCustomers } from '../server/db/repositories/aging';
import { agingFromAllSettlements } from './aging-all';
import { percentile } from './load';

export interface Customer {
  id: string;
  account: string;
  entries: number;
}

export interface Picked {
  typical: Customer;
  largest: Customer;
  /** A contact address of the typical customer. */
  email: string;
}

async function entriesOf(db: Kysely<Database>, account: string): Promise<Customer> {
  const row = await sql<{ id: string; n: string }>`
    select c.id, (select count(*) from ledger_entries e where e.customer_id = c.id)::text as n
    from customers c where c.account = ${account}`.execute(db);
  const found = row.rows[0];
  if (!found) throw new Error(`customer ${account} is not in the database`);
  return { id: found.id, account, entries: Number(found.n) };
}

/** The customer with most entries and one with the median number of entries. */
export async function pickCustomers(db: Kysely<Database>): Promise<Picked> {
  const counts = await sql<{ account: string; n: string; rank: string; total: string }>`
    select c.account, count(*)::text as n, (row_number() over (order by count(*) desc, c.account))::text as rank,
      (count(*) over ())::text as total
    from ledger_entries e join customers c on c.id = e.customer_id group by c.account`.execute(db);
  const total = Number(counts.rows[0]!.total);
  const largest = counts.rows.find((r) => r.rank === '1')!;
  const median = counts.rows.find((r) => Number(r.rank) === Math.ceil(total / 2))!;
  return resolve(db, { typical: median.account, largest: largest.account });
}

/** The same customers (by account) in another database of the same data set, with its ids. */
export async function resolve(db: Kysely<Database>, accounts: { typical: string; largest: string }): Promise<Picked> {
  const typical = await entriesOf(db, accounts.typical);
  const email = await sql<{ email: string }>`
    select email from contacts where customer_id = ${typical.id} order by email limit 1`.execute(db);
  return { typical, largest: await entriesOf(db, accounts.largest), email: email.rows[0]?.email ?? 'nobody@example.com' };
}

/** The customer whose number of entries is closest to `target`. */
export async function customerNear(db: Kysely<Database>, target: number): Promise<Customer> {
  const row = await sql<{ id: string; account: string; n: string }>`
    select c.id, c.account, count(*)::text as n from ledger_entries e join customers c on c.id = e.customer_id
    group by c.id, c.account order by abs(count(*) - ${target}), c.account limit 1`.execute(db);
  const found = row.rows[0]!;
  return { id: found.id, account: found.account, entries: Number(found.n) };
}

async function medianMs(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return Number(percentile(samples.sort((a, b) => a - b), 50).toFixed(2));
}

/** Time to read a customer's rows vs time of the domain computation on them (median of runs). */
export async function summaryShares(db: Kysely<Database>, customer: Customer, asOf: string) {
  const profile = (await findCustomer(db, customer.id))!;
  const { entries, settlements } = await loadLedger(db, customer.id, asOf);
  const input = { profile, entries, settlements, asOf, accountingCurrency: 'USD' };
  return {
    load_ms: await medianMs(7, () => loadLedger(db, customer.id, asOf)),
    summarize_ms: await medianMs(7, async () => summarize(input)),
    settlements: settlements.length,
  };
}

/** The product's aging of every customer, and the same figures from every settlement (the baseline). */
export async function agingAllMs(
  db: Kysely<Database>,
  asOf: string,
  runs: number,
): Promise<{ ms: number; baselineMs: number; customers: number; baselineCustomers: number }> {
  let customers = 0;
  let baselineCustomers = 0;
  const baselineMs = await medianMs(runs, async () => (baselineCustomers = (await agingFromAllSettlements(db, asOf)).length));
  const ms = await medianMs(runs, async () => (customers = (await agingOfAllCustomers(db, asOf)).length));
  return { ms, baselineMs, customers, baselineCustomers };
}

export async function lookupMs(db: Kysely<Database>, email: string): Promise<number> {
  return medianMs(21, () => lookupCustomers(db, email, matchableDomains(email)));
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements the summary, the lookup and the aging send, as compiled by Kysely. */
export async function queryPlans(url: string, picked: Picked, asOf: string): Promise<Record<string, string>> {
  const captured: Compiled[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    const plans: Record<string, string> = {};
    const explain = async (name: string, run: () => Promise<unknown>) => {
      captured.length = 0;
      await run();
      // The last statement that reads (a transaction around it sends BEGIN, SET and COMMIT too).
      const query = captured.filter((q) => /^\s*(select|with)\b/i.test(q.sql)).at(-1)!;
      const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
      );
      plans[name] = `${query.sql}\n\n${result.rows.map((r) => r['QUERY PLAN']).join('\n')}`;
    };
    await explain('summary customer (largest)', () => findCustomer(db, picked.largest.id));
    await explain('summary ledger (largest)', () => loadLedger(db, picked.largest.id, asOf));
    await explain('open transactions ledger (largest)', () => loadOpenLedger(db, picked.largest.id, asOf));
    await explain('email lookup', () => lookupCustomers(db, picked.email, matchableDomains(picked.email)));
    await explain('aging of all customers (today)', () => agingOfAllCustomers(db, asOf));
    return plans;
  } finally {
    await db.destroy();
  }
}
