// The preview's simulated inbox: a dozen plain-text emails written from the demo company in the
// database, each a case the task pane must handle (a contact naming a real invoice, a dispute, a
// remittance, an account on hold, senders matched by domain, by a shared domain, or not at all).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { formatMinor } from '../domain/money';
import type { IsoDate } from '../domain/types';
import { fromDay, toDay, weekday } from './days';
import {
  addressKnown, customerById, domainContact, foreignCustomer, onHoldCustomer, openInvoices, overLimitCustomer,
  publicDomainContact, remittance, sharedDomain, singleDomainCustomer, type FactContact, type FactCustomer,
} from './mailbox-facts';
import { SELLER } from './names';

interface Address {
  displayName: string;
  emailAddress: string;
}

/** A simulated email of the preview's inbox. */
export interface DemoEmail {
  id: string;
  from: Address;
  to: Address[];
  subject: string;
  body: string;
  /** ISO 8601 UTC instant. */
  receivedAt: string;
}

interface Draft { id: string; from: Address; customer: FactCustomer | null; subject: string; body: string }

const COLLECTIONS: Address = { displayName: `${SELLER.name} Collections`, emailAddress: `collections@${SELLER.domain}` };
/** Minutes before 15:40 UTC on the as-of date that each email arrived, newest first. */
const ARRIVALS = [0, 38, 95, 160, 242, 331, 1105, 1190, 1284, 1397, 1520, 1655];

function money(minor: bigint, currency: string): string {
  const [whole = '', fraction] = formatMinor(minor, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${currency}`;
}

function longDate(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function addDaysIso(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + days);
}

/** The next Friday strictly after the date: when a payment run would go out. */
function nextFriday(date: IsoDate): IsoDate {
  const day = toDay(date);
  return fromDay(day + ((5 - weekday(day) + 7) % 7 || 7));
}

function signature(contact: FactContact, company: string): string {
  return [contact.name ?? 'Accounts Payable', contact.role ? `${contact.role}, ${company}` : company, contact.phone]
    .filter((line): line is string => Boolean(line))
    .join('\n');
}

function letter(greetingTo: string | null, paragraphs: string[], signoff: string): string {
  return [`${greetingTo ? `Hi ${greetingTo.split(' ')[0]},` : 'Hello,'}`, ...paragraphs, `Kind regards,\n${signoff}`].join('\n\n');
}

function sender(contact: FactContact): Address {
  return { displayName: contact.name ?? contact.email, emailAddress: contact.email };
}

async function firstWithContact(
  db: Kysely<Database>, asOf: IsoDate, used: Set<string>, filter: Parameters<typeof openInvoices>[3],
) {
  for (const invoice of await openInvoices(db, asOf, used, filter)) {
    const customer = await customerById(db, invoice.customerId);
    const contact = await domainContact(db, customer);
    if (contact) return { invoice, customer, contact };
    used.add(customer.id);
  }
  return null;
}

async function draftCustomerEmails(db: Kysely<Database>, asOf: IsoDate, used: Set<string>): Promise<Draft[]> {
  const drafts: Draft[] = [];
  const add = (id: string, customer: FactCustomer, contact: FactContact, subject: string, paragraphs: string[]) => {
    used.add(customer.id);
    drafts.push({ id, from: sender(contact), customer, subject, body: letter(customer.agentName, paragraphs, signature(contact, customer.name)) });
  };

  const paid = await firstWithContact(db, asOf, used, { status: 'active', overdue: true, collection: 'none' });
  if (paid) {
    const { invoice: inv, customer, contact } = paid;
    add('paid-last-week', customer, contact, `Re: Invoice ${inv.document}`, [
      `We paid invoice ${inv.document} (${money(inv.open, inv.currency)}) last week, on ${longDate(fromDay(toDay(asOf) - 7))}, by bank transfer.`,
      `Could you check on your side and update your records? Our transfer reference is ${customer.account}/${inv.document}.`,
    ]);
  }
  const disputed = (await firstWithContact(db, asOf, used, { collection: 'disputed', reasonLike: 'price' }))
    ?? (await firstWithContact(db, asOf, used, { status: 'active', overdue: true, collection: 'none' }));
  if (disputed) {
    const { invoice: inv, customer, contact } = disputed;
    add('price-dispute', customer, contact, `Invoice ${inv.document}: prices do not match our order`, [
      `The unit prices on invoice ${inv.document} do not match the quote we agreed for this order: several lines are billed at last year's list price instead of our contract price.`,
      `We are holding payment of ${money(inv.open, inv.currency)} until we receive a corrected invoice or a credit note for the difference.`,
    ]);
  }
  const promise = await firstWithContact(db, asOf, used, { status: 'active', overdue: true, collection: 'none' });
  if (promise) {
    const { invoice: inv, customer, contact } = promise;
    // A second overdue invoice of the same customer, when it has one: the pane proposes both.
    const [other] = (await openInvoices(db, asOf, new Set(), { customerId: customer.id, overdue: true, collection: 'none' }, 2))
      .filter((i) => i.document !== inv.document && i.currency === inv.currency);
    const named = other ? `invoices ${inv.document} and ${other.document} (${money(inv.open + other.open, inv.currency)} together)` : `invoice ${inv.document} (${money(inv.open, inv.currency)}${inv.dueDate ? `, due ${longDate(inv.dueDate)}` : ''})`;
    add('promise-to-pay', customer, contact, `Payment of ${inv.document}`, [
      `Apologies for the delay with ${named}.`,
      `${other ? 'Both have' : 'It has'} now been approved and we will pay in our payment run of ${longDate(nextFriday(asOf))}. You will have the full amount by then.`,
    ]);
    const last = drafts[drafts.length - 1]!;
    // The customer answers our reminder: the quoted reminder is not the customer's words.
    last.body += `\n\nOn ${longDate(addDaysIso(asOf, -3))}, ${COLLECTIONS.displayName} <${COLLECTIONS.emailAddress}> wrote:\n> ${inv.document} is overdue. Please pay by return.`;
  }
  const remit = await remittance(db, asOf, used);
  if (remit) {
    const customer = await customerById(db, remit.customerId);
    const contact = await domainContact(db, customer);
    if (contact) {
      const total = remit.lines.reduce((sum, l) => sum + l.amount, 0n);
      const lines = remit.lines.map((l) => `  ${l.document.padEnd(14)} ${money(l.amount, remit.currency).padStart(18)}`);
      add('remittance-advice', customer, contact, `Remittance advice ${remit.document}`, [
        `Please find below the invoices settled by our payment of ${longDate(remit.date)} (our reference ${remit.document}):`,
        [...lines, `  ${'Total'.padEnd(14)} ${money(total, remit.currency).padStart(18)}`].join('\n'),
      ]);
    }
  }
  const heldId = await onHoldCustomer(db, used);
  if (heldId) {
    const customer = await customerById(db, heldId);
    const contact = await domainContact(db, customer);
    const [oldest] = await openInvoices(db, asOf, new Set(), { customerId: heldId, overdue: true }, 1);
    if (contact) {
      add('on-hold-release', customer, contact, 'Our account is on hold: please release our order', [
        'Our latest order was stopped because our account is on hold. We need the goods for a customer delivery next week.',
        oldest
          ? `We are paying the oldest item, ${oldest.document} (${money(oldest.open, oldest.currency)}), this week. Could you release the hold today?`
          : 'Could you tell us what is needed to release the hold?',
      ]);
    }
  }
  const personal = await publicDomainContact(db, used);
  if (personal) {
    const customer = await customerById(db, personal.customerId);
    add('statement-from-personal-address', customer, personal.contact, 'Statement of account', [
      `I am travelling this week, so I am writing from my personal address. Could you send me a statement of account for ${customer.name}?`,
      'I would like to go through the open items with our bookkeeper on Monday.',
    ]);
  }
  for (const [id, find, subject, paragraphs] of [
    ['credit-limit', () => overLimitCustomer(db, asOf, used), 'Credit limit review', [
      'We have two large orders coming in for the season and your order desk says we are over our credit limit.',
      'Could you review our limit? We can send our latest financial statements if that helps.',
    ]],
    ['balance-confirmation', () => foreignCustomer(db, used), 'Balance confirmation for our year-end audit', [
      'Our auditors ask us to confirm the balance of our account with you as of the end of last month, in your invoicing currency.',
      'Could you send a confirmation with the list of open items?',
    ]],
  ] as const) {
    const customerId = await find();
    if (!customerId) continue;
    const customer = await customerById(db, customerId);
    const contact = await domainContact(db, customer);
    if (contact) add(id, customer, contact, subject, [...paragraphs]);
  }
  return drafts;
}

async function unusedAddress(db: Kysely<Database>, candidates: string[]): Promise<string | null> {
  for (const email of candidates) if (!(await addressKnown(db, email))) return email;
  return null;
}

async function draftUnknownSenders(db: Kysely<Database>, used: Set<string>): Promise<Draft[]> {
  const drafts: Draft[] = [];
  const shared = await sharedDomain(db);
  const domainOnlyId = await singleDomainCustomer(db, used, shared);
  if (domainOnlyId) {
    const customer = await customerById(db, domainOnlyId);
    const domain = customer.domains[0] as string;
    const email = (await db.selectFrom('contacts').select('email').where('email', '=', `accounts.payable@${domain}`).executeTakeFirst())
      ? `finance.operations@${domain}` : `accounts.payable@${domain}`;
    drafts.push({
      id: 'new-ap-mailbox', from: { displayName: `${customer.name} Accounts Payable`, emailAddress: email }, customer,
      subject: 'New accounts payable mailbox',
      body: letter(null, ['From now on please send invoices, statements and reminders to this address; the previous mailbox will be closed at the end of the month.'], `Accounts Payable\n${customer.name}`),
    });
  }
  if (shared) {
    drafts.push({
      id: 'shared-domain', from: { displayName: 'Group Payables', emailAddress: `payables@${shared}` }, customer: null,
      subject: 'Open items on our accounts',
      body: letter(null, ['We handle payables for all companies of our group from this mailbox. Could you send the open items of each of our accounts with you?'], 'Group Payables'),
    });
  }
  const stranger = await unusedAddress(db, ['jordan.miles84@outlook.com', 'jordan.miles1984@outlook.com']);
  if (stranger) {
    drafts.push({
      id: 'unknown-public-sender', from: { displayName: 'Jordan Miles', emailAddress: stranger }, customer: null,
      subject: 'Invoice received by mistake?',
      body: letter(null, [`I received an invoice from ${SELLER.name} today but I do not think I have ordered anything from you.`, 'Could you check who it was meant for?'], 'Jordan Miles'),
    });
  }
  const company = await unusedAddress(db, ['billing@brightline-logistics.example', 'billing@brightline-freight.example']);
  if (company) {
    drafts.push({
      id: 'unknown-company', from: { displayName: 'Brightline Logistics Billing', emailAddress: company }, customer: null,
      subject: 'Opening a trade account',
      body: letter(null, [`We would like to open a trade account with ${SELLER.name}. Could you send us your credit application form and payment terms?`], 'Nadia Brennan\nBilling, Brightline Logistics\n+1 (303) 555-0148'),
    });
  }
  return drafts;
}

async function recipient(db: Kysely<Database>, customer: FactCustomer | null): Promise<Address> {
  if (customer?.agentEmail) return { displayName: customer.agentName ?? customer.agentEmail, emailAddress: customer.agentEmail };
  const agent = await db.selectFrom('agents').select(['email', 'name']).orderBy('email').limit(1).executeTakeFirst();
  return agent && customer ? { displayName: agent.name ?? agent.email, emailAddress: agent.email } : COLLECTIONS;
}

/** About a dozen emails, newest first, the same for the same database and as-of date. */
export async function demoMailbox(db: Kysely<Database>, asOf: IsoDate): Promise<DemoEmail[]> {
  const used = new Set<string>();
  const drafts = [...(await draftCustomerEmails(db, asOf, used)), ...(await draftUnknownSenders(db, used))];
  const base = Date.parse(`${asOf}T15:40:00Z`);
  const emails: DemoEmail[] = [];
  for (const [i, draft] of drafts.entries()) {
    emails.push({
      id: draft.id,
      from: draft.from,
      to: [await recipient(db, draft.customer)],
      subject: draft.subject,
      body: draft.body,
      receivedAt: new Date(base - (ARRIVALS[i] ?? 1800 + i * 90) * 60_000).toISOString(),
    });
  }
  return emails;
}
