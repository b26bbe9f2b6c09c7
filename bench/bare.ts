// The limit the product is measured against: a plain node:http server that answers the same
// questions with hand-written SQL through the same database handle (pg pool or PGlite): it reads
// the same rows, then answers with their count, with no framework, domain computation or schema.
import { createServer, type Server } from 'node:http';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema';

const CUSTOMER = `select id, account, name, customer_group, sales_area, payment_terms, currency, credit_limit,
  credit_rating, status, customer_since, domains from customers where id = $1`;

// The rows the summary, transactions and timeline read: the customer's entries posted by the date,
// each with its settlements dated by then.
export const LEDGER = `select e.id, e.kind, e.document, e.posting_date, e.due_date, e.currency, e.amount, e.amount_accounting,
  e.collection_status, e.status_date, e.promise_date, e.promise_amount, e.dispute_reason,
  coalesce((select json_agg(json_build_object('creditId', s.credit_id, 'amount', s.amount::text, 'date', s.settled_on))
    from settlements s where s.debit_id = e.id and s.settled_on <= $2), '[]') as settled
  from ledger_entries e where e.customer_id = $1 and e.posting_date <= $2`;

// The rows the open transactions read: the entries open on the date, each with its settlements.
const OPEN_COLUMNS = `e.id, e.kind, e.document, e.posting_date, e.due_date, e.currency, e.amount, e.amount_accounting,
  e.collection_status, e.status_date, e.promise_date, e.promise_amount, e.dispute_reason,
  (select coalesce(json_agg(m), '[]') from (
    select s.id, s.debit_id, s.credit_id, s.amount::text, s.settled_on from settlements s where s.debit_id = e.id and s.settled_on <= $2
    union all
    select s.id, s.debit_id, s.credit_id, s.amount::text, s.settled_on from settlements s where s.credit_id = e.id and s.settled_on <= $2
  ) m) as settled`;
export const OPEN_LEDGER = `select ${OPEN_COLUMNS} from ledger_entries e
  where e.customer_id = $1 and e.posting_date <= $2 and e.closed_on is null
  union all
  select ${OPEN_COLUMNS} from ledger_entries e
  where e.customer_id = $1 and e.posting_date <= $2 and e.closed_on > $2`;

export const LOOKUP = `select c.id, c.account, c.name from contacts ct join customers c on c.id = ct.customer_id
  where ct.email = $1 order by c.name limit 20`;

function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

async function rows(db: Kysely<Database>, text: string, params: unknown[]): Promise<unknown[]> {
  return (await db.executeQuery(CompiledQuery.raw(text, params))).rows;
}

/** GET /ledger/:customerId?asOf=YYYY-MM-DD, GET /open/:customerId?asOf=… and GET /lookup?email=… */
export function startBareServer(db: Kysely<Database>): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bare');
    const answer = async (): Promise<unknown> => {
      const ledger = /^\/(ledger|open)\/([0-9a-f-]{36})$/.exec(url.pathname);
      if (ledger) {
        const asOf = url.searchParams.get('asOf') ?? new Date().toISOString().slice(0, 10);
        const [customer] = await rows(db, CUSTOMER, [ledger[2]]);
        const text = ledger[1] === 'open' ? OPEN_LEDGER : LEDGER;
        const entries = (await rows(db, text, [ledger[2], asOf])) as Array<{ settled: unknown[] }>;
        // A small answer, like the summary's: the limit pays for reading the rows, not for sending them.
        return { customer, entries: entries.length, settlements: entries.reduce((n, e) => n + e.settled.length, 0) };
      }
      if (url.pathname === '/lookup') return { matches: await rows(db, LOOKUP, [url.searchParams.get('email') ?? ''] ) };
      return null;
    };
    answer().then(
      (body) => {
        response.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json' });
        response.end(json(body));
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      },
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
