// One demo customer's master data from (seed, index): name, country and currency, terms, status,
// domains, contacts and payment behaviour. Names are a bijection of the index, so they never repeat.
import { mixSeed, Rng } from './prng';
import {
  COMPANY_QUALIFIERS, COMPANY_WORDS_A, COMPANY_WORDS_B, CONTACT_ROLES, COUNTRIES, COUNTRY_WEIGHTS,
  CUSTOMER_GROUPS, DEMO_AGENTS, PUBLIC_MAIL_DOMAINS, slug, type Country,
} from './names';
import { SHOWCASE, type ForcedStatus, type PayerProfile } from './showcase';

export interface DemoContact {
  name: string;
  email: string;
  phone: string;
  role: string;
}

export interface DemoCustomer {
  index: number;
  account: string;
  name: string;
  group: string;
  salesArea: string;
  paymentTerms: string;
  termsDays: number;
  currency: string;
  status: 'active' | 'on_hold' | 'blocked';
  /** Days before the as-of date the relationship began. */
  ageDays: number;
  domains: string[];
  agentEmail: string;
  contacts: DemoContact[];
  payer: PayerProfile;
  /** Pays by weekly remittance runs covering several invoices. */
  batched: boolean;
  /** Typical invoice size range in US cents. */
  invoiceUsdCents: readonly [number, number];
  creditRating: string | null;
  creditLimit: 'none' | 'normal' | 'exceeded';
  onAccountPayment: boolean;
  unpaidTail: number;
  statuses: ForcedStatus[];
}

const TERMS: ReadonlyArray<readonly [readonly [string, number], number]> = [
  [['Net 30', 30], 60], [['Net 45', 45], 10], [['Net 60', 60], 8], [['Net 15', 15], 12], [['Net 10', 10], 5],
  [['Due on receipt', 0], 5],
];
const TIERS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[20_000, 300_000], 50], [[100_000, 2_000_000], 35], [[500_000, 12_000_000], 15],
];
const RATINGS: Record<PayerProfile, readonly string[]> = { prompt: ['A', 'A', 'B'], late: ['B', 'C'], chronic: ['C', 'D'] };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The index's company name and domain stem: plain word pairs first, then with a qualifier. */
function genericName(ordinal: number): { base: string; stem: string } {
  const a = COMPANY_WORDS_A.length;
  const combos = a * COMPANY_WORDS_B.length;
  let step = Math.floor(combos * 0.618);
  while (gcd(step, combos) !== 1) step++;
  const cycle = Math.floor(ordinal / combos);
  const k = ((ordinal % combos) * step + 17) % combos;
  const words = `${COMPANY_WORDS_A[k % a]} ${COMPANY_WORDS_B[Math.floor(k / a)]}`;
  if (cycle === 0) return { base: words, stem: slug(words) };
  const q = COMPANY_QUALIFIERS.length;
  const qualifier = `${COMPANY_QUALIFIERS[(cycle - 1) % q]}${cycle > q ? ` ${Math.ceil(cycle / q)}` : ''}`;
  return { base: `${words} ${qualifier}`, stem: slug(`${words} ${qualifier}`) };
}

function agentFor(country: Country, rng: Rng): string {
  const [maria, tom, priya, kenji] = DEMO_AGENTS.map((a) => a.email) as [string, string, string, string];
  if (country.currency === 'JPY') return kenji;
  if (country.currency === 'EUR') return tom;
  if (country.code === 'US') return rng.chance(0.5) ? maria : tom;
  return priya;
}

function personalAddress(first: string, last: string, index: number, rng: Rng): string {
  return `${slug(first, '.')}.${slug(last, '.')}${10 + index}@${rng.pick(PUBLIC_MAIL_DOMAINS)}`;
}

function buildContacts(
  rng: Rng, country: Country, domain: string, index: number, count: number,
  first: { first: string; last: string; role: string } | null, publicContact: boolean,
): DemoContact[] {
  const contacts: DemoContact[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const person = i === 0 && first ? first : {
      first: rng.pick(country.firstNames), last: rng.pick(country.lastNames), role: rng.pick(CONTACT_ROLES),
    };
    const name = `${person.first} ${person.last}`;
    const isPublic = publicContact && i === count - 1;
    let email = isPublic
      ? personalAddress(person.first, person.last, index, rng)
      : rng.weighted<string>([
          [`${slug(person.first, '.')}.${slug(person.last, '.')}@${domain}`, 6],
          [`${slug(person.first, '.').charAt(0)}${slug(person.last, '')}@${domain}`, 3],
          [`${slug(person.first, '.')}@${domain}`, 1],
        ]);
    if (used.has(email)) email = email.replace('@', `${i + 1}@`);
    used.add(email);
    contacts.push({ name, email, phone: country.phone(rng.int(0, 9999)), role: person.role });
  }
  if (!publicContact && rng.chance(0.25)) {
    contacts.push({ name: 'Accounts Payable', email: `ap@${domain}`, phone: country.phone(rng.int(0, 9999)), role: 'Accounts payable' });
  }
  return contacts;
}

export function demoCustomer(seed: number, index: number, entryTarget: number): DemoCustomer {
  const rng = new Rng(mixSeed(seed, index, 1));
  const show = SHOWCASE[index];
  const countryCode = show?.country ?? rng.weighted(COUNTRY_WEIGHTS);
  const country = COUNTRIES[countryCode] as Country;
  const generic = show ? null : genericName(index - SHOWCASE.length);
  const base = show?.base ?? (generic as { base: string }).base;
  const domain = show?.domain ?? `${(generic as { stem: string }).stem}.example`;
  const payer: PayerProfile = show?.payer ?? rng.weighted<PayerProfile>([['prompt', 55], ['late', 33], ['chronic', 12]]);
  const [paymentTerms, termsDays] = rng.weighted(TERMS);
  const status = show
    ? (show.status ?? 'active')
    : payer === 'chronic'
      ? rng.weighted<DemoCustomer['status']>([['active', 70], ['on_hold', 24], ['blocked', 6]])
      : payer === 'late' && rng.chance(0.03) ? 'on_hold' : 'active';
  const publicContact = show ? Boolean(show.publicContact) : rng.chance(0.04);
  const contactCount = show ? (publicContact ? 2 : rng.int(1, 3)) : rng.weighted([[1, 40], [2, 40], [3, 20]] as const);
  const domains = [domain];
  if (!show && rng.chance(0.1)) domains.push(`${domain.replace(/\.example$/, '').replace(/-/g, '')}.${countryCode.toLowerCase()}.example`);
  const imported = show?.creditRating ?? (rng.chance(0.45) ? rng.pick(RATINGS[payer]) : null);
  return {
    index,
    account: `C-${10001 + index}`,
    name: `${base} ${show?.legalForm ?? rng.pick(country.legalForms)}`,
    group: rng.pick(CUSTOMER_GROUPS),
    salesArea: rng.pick(country.salesAreas),
    paymentTerms,
    termsDays,
    currency: country.currency,
    status,
    ageDays: show ? 365 * (3 + (index % 5)) : rng.weighted([[rng.int(120, 540), 15], [rng.int(541, 4400), 85]] as const),
    domains,
    agentEmail: agentFor(country, rng),
    contacts: buildContacts(rng, country, domain, index, contactCount, show?.contact ?? null, publicContact),
    payer,
    batched: show?.batched ?? rng.chance(entryTarget >= 60 ? 0.8 : 0.25),
    invoiceUsdCents: rng.weighted(TIERS),
    creditRating: imported,
    creditLimit: show?.creditLimit ?? rng.weighted<DemoCustomer['creditLimit']>([['none', 10], ['normal', 82], ['exceeded', 8]]),
    onAccountPayment: show?.onAccountPayment ?? rng.chance(0.04),
    unpaidTail: show?.unpaidTail ?? 0,
    statuses: show?.statuses ?? [],
  };
}
