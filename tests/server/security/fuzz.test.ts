// Bad input never gets a 500 and never damages what was saved: random and hostile JSON bodies on
// every write route, amounts beyond 2^53, impossible or far-off dates, NUL characters, huge strings,
// and malformed ids on every route with an :id.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../letters/world';
import { openDevApp, type DevApp } from './world';

let t: DevApp;
let customerId: string;
let invoiceId: string;
let activityId: string;
let sequenceId: string;

const template = { subject: 'Overdue', body: 'Please pay.', payment: 'Bank' };
const sequence = (name: string, amount: unknown = 0) => ({
  name,
  language: 'en',
  isDefault: true,
  levels: [{ level: 1, name: 'First', days: 1, minOverdue: { currency: 'USD', amount }, fees: [{ currency: 'USD', amount }], templates: { en: template } }],
});

beforeAll(async () => {
  t = await openDevApp('manager');
  ({ id: customerId, invoiceIds: [invoiceId] } = (await createCustomer(t.handle.db, { account: 'C1', invoices: [['INV-1', '2026-01-15', 10_000n]] })) as {
    id: string;
    invoiceIds: [string];
  });
  activityId = (await t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload: { type: 'note', purpose: 'Kept' } })).json().id;
  sequenceId = (await t.app.inject({ method: 'POST', url: '/api/letter-sequences', payload: sequence('Standard') })).json().id;
});
afterAll(async () => t?.close());

const writeRoutes = (): Array<['POST' | 'PATCH' | 'PUT', string]> => [
  ['POST', `/api/customers/${customerId}/activities`],
  ['PATCH', `/api/activities/${activityId}`],
  ['POST', `/api/customers/${customerId}/letters`],
  ['POST', `/api/customers/${customerId}/contacts`],
  ['PUT', `/api/customers/${customerId}/letter-settings`],
  ['POST', '/api/letter-sequences'],
  ['PUT', `/api/letter-sequences/${sequenceId}`],
  ['POST', '/api/letters/batch'],
];

const HOSTILE = [2 ** 53 + 1, 1e20, 1e308, 2 ** 63, -1, -0.5, 0.5, '12', null, true, [], {}, 'x\u0000y', '2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', 'a'.repeat(100_000)];
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.integer(), fc.double(), fc.anything());
const KEYS = ['type', 'purpose', 'outcome', 'promise', 'dispute', 'delivery', 'asOf', 'level', 'email', 'name', 'levels', 'isDefault', 'language', 'excluded', 'sequenceId', 'postalAddress', 'startAt', 'endAt', 'dueAt', 'followUpAt', 'durationMinutes', 'status', 'customerIds'];

/** What a rejected request must leave untouched. */
async function saved() {
  const db = t.handle.db;
  const count = async (table: 'ledger_entries' | 'audit_events' | 'activities' | 'collection_letters' | 'contacts') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    invoice: await db.selectFrom('ledger_entries').selectAll().where('id', '=', invoiceId).executeTakeFirstOrThrow(),
    activity: await db.selectFrom('activities').selectAll().where('id', '=', activityId).executeTakeFirstOrThrow(),
    counts: await Promise.all((['ledger_entries', 'audit_events', 'activities', 'collection_letters', 'contacts'] as const).map(count)),
  };
}

describe('hostile JSON bodies', () => {
  it('never answer 500 on a write route, and a refused request changes nothing', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writeRoutes()),
        fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...KEYS), hostile)),
        async ([method, url], body) => {
          const before = await saved();
          const res = await t.app.inject({ method, url, payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } });
          if (res.statusCode >= 500) failures.push(`${method} ${url} ${JSON.stringify(body)?.slice(0, 200)}`);
          if (res.statusCode >= 400) expect(await saved()).toEqual(before);
          return res.statusCode < 500;
        },
      ),
      { numRuns: 300 },
    );
    expect(failures).toEqual([]);
  });

  it.each([
    ['a letter dated beyond the year 9999 once its fee falls due', 'POST', 'letters', { delivery: 'reply', asOf: '9999-12-31' }, 'asOf'],
    ['a batch dated in the year 9999', 'POST', 'batch', { delivery: 'reply', asOf: '9999-12-30' }, 'asOf'],
    ['a fee beyond 2^53 minor units', 'POST', 'sequences', sequence('Huge', 2 ** 53 + 2), 'levels.0.minOverdue.amount'],
    ['a fee beyond PostgreSQL bigint', 'POST', 'sequences', sequence('Bigger', 1e20), 'levels.0.minOverdue.amount'],
  ] as const)('refuses %s with a 400 naming the field', async (_name, method, target, payload, field) => {
    const url = { letters: `/api/customers/${customerId}/letters`, batch: '/api/letters/batch', sequences: '/api/letter-sequences' }[target];
    const res = await t.app.inject({ method, url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(`'${field}'`);
  });

  it('refuses a page offset beyond the database range with a 400', async () => {
    const res = await t.app.inject(`/api/customers/${customerId}/activities?offset=99999999999999999999`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("'offset'");
  });
});

describe('malformed ids', () => {
  it('answer 404 or 400 (414 when absurdly long) on every route with an :id, never 500', async () => {
    const spec = (await t.app.inject('/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    const bad = ['not-a-uuid', '%00', "1'%20or%20'1'='1", '00000000-0000-0000-0000-0000000000000', 'a'.repeat(3000)];
    const answers = new Set<number>();
    for (const [path, methods] of Object.entries(spec.paths).filter(([p]) => p.includes('{id}'))) {
      for (const method of Object.keys(methods).filter((m) => m !== 'head')) {
        for (const id of bad) {
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url: path.replace('{id}', id), payload: method === 'get' ? undefined : {} });
          answers.add(res.statusCode);
          if (res.statusCode >= 500) throw new Error(`${method} ${path} with '${id.slice(0, 40)}' → ${res.statusCode}`);
        }
      }
    }
    // 414: an id longer than the router's parameter limit.
    expect([...answers].filter((s) => ![400, 404, 414].includes(s))).toEqual([]);
  });
});
