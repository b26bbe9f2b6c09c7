// Money-moving actions are atomic (a failure at the last step leaves nothing behind), audited with
// who, when, before and after, and safe to retry: the same Idempotency-Key replays the first answer,
// and the key reused for a different request is refused with 422 instead of replaying another answer.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../server/domain/dates';
import { createCustomer } from '../letters/world';
import { openDevApp, type DevApp } from './world';

let t: DevApp;
let agentId: string;
let first: { id: string; invoiceIds: string[] };
let second: { id: string; invoiceIds: string[] };
const today = todayIn('UTC', new Date());

beforeAll(async () => {
  t = await openDevApp('agent');
  agentId = (await t.handle.db.selectFrom('agents').select('id').executeTakeFirstOrThrow()).id;
  first = await createCustomer(t.handle.db, { account: 'C-1', invoices: [['INV-1', '2026-01-15', 50_000n]] });
  second = await createCustomer(t.handle.db, { account: 'C-2', invoices: [['INV-2', '2026-01-15', 70_000n]] });
});
afterAll(async () => t?.close());

const count = async (table: 'activities' | 'audit_events' | 'collection_letters' | 'ledger_entries' | 'idempotency_keys') =>
  Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const status = (id: string) =>
  t.handle.db.selectFrom('ledger_entries').select(['collection_status', 'promise_amount']).where('id', '=', id).executeTakeFirstOrThrow();
const promise = (customer: { id: string; invoiceIds: string[] }, amount: number, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/customers/${customer.id}/activities`,
    headers: key ? { 'idempotency-key': key } : {},
    payload: { type: 'call', purpose: 'Promise', outcome: 'promise_to_pay', promise: { date: today, items: [{ transactionId: customer.invoiceIds[0], amount, currency: 'USD' }] } },
  });
const postLetter = (customerId: string, key: string) =>
  t.app.inject({ method: 'POST', url: `/api/customers/${customerId}/letters`, headers: { 'idempotency-key': key }, payload: { delivery: 'reply', asOf: '2026-03-01' } });

/** Makes the database refuse the audit event of `action`: the last write of the action's transaction. */
async function failingAudit<T>(action: string, run: () => Promise<T>): Promise<T> {
  await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.action = ${sql.lit(action)} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`.execute(t.handle.db);
  await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(t.handle.db);
  try {
    return await run();
  } finally {
    await sql`DROP TRIGGER refuse_audit ON audit_events; DROP FUNCTION refuse_audit()`.execute(t.handle.db);
  }
}

describe('a promise to pay', () => {
  it('leaves no activity, status or key behind when its last write fails', async () => {
    const before = { activities: await count('activities'), keys: await count('idempotency_keys'), status: await status(first.invoiceIds[0]!) };
    const res = await failingAudit('activity.create', () => promise(first, 10_000, 'atomic-1'));
    expect(res.statusCode).toBe(500);
    expect({ activities: await count('activities'), keys: await count('idempotency_keys'), status: await status(first.invoiceIds[0]!) }).toEqual(before);
    expect((await promise(first, 10_000, 'atomic-1')).statusCode).toBe(201);
  });

  it('is audited with who, when, and the collection status before and after', async () => {
    await promise(second, 20_000);
    const audit = await t.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', second.invoiceIds[0]!)
      .where('action', '=', 'transaction.promise_to_pay')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(agentId);
    expect(audit.occurred_at).toBeInstanceOf(Date);
    expect(audit.before).toMatchObject({ collectionStatus: 'none', promiseAmount: null });
    expect(audit.after).toMatchObject({ collectionStatus: 'promise_to_pay', promiseAmount: '20000', currency: 'USD' });
  });

  it('replays the first answer for the same key and body, in any key order', async () => {
    const firstAnswer = await promise(first, 5_000, 'retry-1');
    const activities = await count('activities');
    const reordered = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${first.id}/activities`,
      headers: { 'idempotency-key': 'retry-1' },
      payload: { promise: { items: [{ currency: 'USD', amount: 5_000, transactionId: first.invoiceIds[0] }], date: today }, outcome: 'promise_to_pay', purpose: 'Promise', type: 'call' },
    });
    expect(reordered.statusCode).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(reordered.json()).toEqual(firstAnswer.json());
    expect(await count('activities')).toBe(activities);
  });

  it('refuses the same key with a different amount (422) and changes nothing', async () => {
    await promise(first, 6_000, 'retry-2');
    const before = { activities: await count('activities'), status: await status(first.invoiceIds[0]!) };
    const res = await promise(first, 7_000, 'retry-2');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(res.json().message).toContain('Idempotency-Key');
    expect({ activities: await count('activities'), status: await status(first.invoiceIds[0]!) }).toEqual(before);
  });
});

describe('posting a letter with a fee', () => {
  it('leaves no letter and no fee entry behind when its last write fails', async () => {
    const before = { letters: await count('collection_letters'), ledger: await count('ledger_entries') };
    const res = await failingAudit('letter.posted', () => postLetter(first.id, 'letter-atomic'));
    expect(res.statusCode).toBe(500);
    expect({ letters: await count('collection_letters'), ledger: await count('ledger_entries') }).toEqual(before);
  });

  it('refuses a key that posted another customer’s letter, posting nothing', async () => {
    const posted = await postLetter(first.id, 'letter-1');
    expect(posted.statusCode).toBe(201);
    expect((await postLetter(first.id, 'letter-1')).json().id).toBe(posted.json().id);
    const letters = await count('collection_letters');
    const reused = await postLetter(second.id, 'letter-1');
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await count('collection_letters')).toBe(letters);
  });

  it('audits the letter reported sent, with the status before and after, once', async () => {
    const letter = (await postLetter(second.id, 'letter-2')).json() as { id: string };
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ method: 'POST', url: `/api/letters/${letter.id}/sent` })).statusCode).toBe(200);
    const audits = await t.handle.db.selectFrom('audit_events').selectAll().where('entity_id', '=', letter.id).where('action', '=', 'letter.sent').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: agentId, before: { status: 'posted' }, after: { status: 'sent' } });
  });
});
