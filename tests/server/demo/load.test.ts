// The demo company loaded through the product's own import into an empty database, and the preview
// mailbox written from it: every email case the task pane must handle is there and points at real data.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { isPublicMailDomain } from '../../../server/domain/public-domains';
import { loadDemo } from '../../../server/demo/load';
import { demoMailbox, type DemoEmail } from '../../../server/demo/mailbox';
import type { ImportReport } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { generatedRecords } from './generated';

const asOf = '2026-11-24';
const expected = generatedRecords({ customers: 300, asOf });

describe.each(testDatabases)('demo company on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  let report: ImportReport | null;
  let mailbox: DemoEmail[];

  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    report = await loadDemo(handle, { asOf, accountingCurrency: 'USD' });
    mailbox = await demoMailbox(handle.db, asOf);
  });
  afterAll(async () => handle?.close());

  const email = (id: string) => {
    const found = mailbox.find((e) => e.id === id);
    if (!found) throw new Error(`no email '${id}' in ${mailbox.map((e) => e.id).join(', ')}`);
    return found;
  };
  const customersOfContact = (address: string) =>
    handle.db.selectFrom('contacts').select('customer_id').where('email', '=', address).execute();
  const customersOfDomain = (address: string) =>
    handle.db.selectFrom('customers').select('id').where(sql<boolean>`${address.split('@')[1]!} = any(domains)`).execute();

  it.skipIf(skipReason)('imports every generated row and counts them', async () => {
    expect(report?.files.map((f) => [f.kind, f.rows])).toEqual([
      ['customers', expected.customers.length], ['contacts', expected.contacts.length],
      ['contracts', expected.contracts.length],
      ['ledger', expected.ledger.length], ['settlements', expected.settlements.length],
    ]);
    const ledger = await handle.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(ledger.n)).toBe(expected.ledger.length);
  });

  it.skipIf(skipReason)('records promises to pay, broken promises and disputes with reasons', async () => {
    const rows = await handle.db.selectFrom('ledger_entries').select(['collection_status', 'dispute_reason', 'promise_date'])
      .where('collection_status', '!=', 'none').execute();
    const count = (status: string) => rows.filter((r) => r.collection_status === status).length;
    expect(count('promise_to_pay')).toBeGreaterThanOrEqual(3);
    expect(count('promise_broken')).toBeGreaterThanOrEqual(2);
    expect(count('disputed')).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.collection_status === 'disputed').every((r) => r.dispute_reason)).toBe(true);
    expect(rows.filter((r) => r.collection_status === 'promise_broken').every((r) => r.promise_date! < asOf)).toBe(true);
  });

  it.skipIf(skipReason)('leaves a database that already holds customers alone', async () => {
    expect(await loadDemo(handle, { asOf, accountingCurrency: 'USD', customers: 5 })).toBeNull();
  });

  it.skipIf(skipReason)('writes 8 to 12 emails, newest first, the same on every call', async () => {
    expect(mailbox.length).toBeGreaterThanOrEqual(8);
    expect(mailbox.length).toBeLessThanOrEqual(12);
    expect(new Set(mailbox.map((e) => e.id)).size).toBe(mailbox.length);
    const times = mailbox.map((e) => e.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await demoMailbox(handle.db, asOf)).toEqual(mailbox);
    for (const e of mailbox) expect(e.body).toMatch(/Kind regards,\n\S/);
  });

  it.skipIf(skipReason)('has a contact saying they paid an invoice of their own that is still open', async () => {
    const paid = email('paid-last-week');
    const document = /INV-\d+/.exec(paid.subject)?.[0];
    const [contact] = await customersOfContact(paid.from.emailAddress);
    const invoice = await handle.db.selectFrom('ledger_entries').select(['customer_id', 'due_date'])
      .where('document', '=', document!).executeTakeFirstOrThrow();
    expect(invoice.customer_id).toBe(contact?.customer_id);
    expect(invoice.due_date! < asOf).toBe(true);
  });

  it.skipIf(skipReason)('has a price dispute, a promise to pay and a remittance naming two invoices of the sender', async () => {
    expect(email('price-dispute').body).toMatch(/INV-\d+/);
    expect(email('promise-to-pay').body).toMatch(/payment run of \w+day/);
    const remit = email('remittance-advice');
    const documents = remit.body.match(/INV-\d+/g) ?? [];
    expect(documents.length).toBeGreaterThanOrEqual(2);
    const [sender] = await customersOfContact(remit.from.emailAddress);
    const owners = await handle.db.selectFrom('ledger_entries').select('customer_id').where('document', 'in', documents).execute();
    expect(owners.every((o) => o.customer_id === sender?.customer_id)).toBe(true);
  });

  it.skipIf(skipReason)('has a customer on hold asking for release', async () => {
    const [contact] = await customersOfContact(email('on-hold-release').from.emailAddress);
    const customer = await handle.db.selectFrom('customers').select('status').where('id', '=', contact!.customer_id).executeTakeFirstOrThrow();
    expect(customer.status).toBe('on_hold');
  });

  it.skipIf(skipReason)('has senders matched by contact at a public domain, by domain, by a shared domain, and not at all', async () => {
    const personal = email('statement-from-personal-address').from.emailAddress;
    expect(isPublicMailDomain(personal.split('@')[1]!)).toBe(true);
    expect(await customersOfContact(personal)).toHaveLength(1);

    const domainOnly = email('new-ap-mailbox').from.emailAddress;
    expect(await customersOfContact(domainOnly)).toHaveLength(0);
    expect(await customersOfDomain(domainOnly)).toHaveLength(1);

    expect(await customersOfDomain(email('shared-domain').from.emailAddress)).toHaveLength(2);

    const stranger = email('unknown-public-sender').from.emailAddress;
    expect(isPublicMailDomain(stranger.split('@')[1]!)).toBe(true);
    expect(await customersOfContact(stranger)).toHaveLength(0);

    const company = email('unknown-company').from.emailAddress;
    expect(await customersOfContact(company)).toHaveLength(0);
    expect(await customersOfDomain(company)).toHaveLength(0);
  });
});
