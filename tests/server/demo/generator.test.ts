// The demo generator: same inputs give the same bytes, the files are in the import's formats, and
// the company holds the cases an agent should meet (currencies, statuses, partial payments…).
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currencyExponent, parseMoney } from '../../../server/domain/money';
import { isPublicMailDomain } from '../../../server/domain/public-domains';
import { entryTargets, generateCompany } from '../../../server/demo/company';
import { HEADERS, type DemoFileKind } from '../../../server/demo/csv';
import { writeCompanyCsv } from '../../../server/demo/write';
import { fileText, generatedRecords } from './generated';

const KINDS: DemoFileKind[] = ['customers', 'contacts', 'ledger', 'settlements'];
const small = { customers: 60, seed: 7, asOf: '2026-03-15' };

function digest(opts: Parameters<typeof generateCompany>[0]): string {
  const hash = createHash('sha256');
  for (const kind of KINDS) hash.update(fileText(opts, kind));
  return hash.digest('hex');
}

describe('demo company generator', () => {
  it('gives identical bytes for the same seed, size and as-of date, and different ones otherwise', () => {
    const first = digest(small);
    expect(digest(small)).toBe(first);
    expect(digest({ ...small, seed: 8 })).not.toBe(first);
    expect(digest({ ...small, asOf: '2026-03-16' })).not.toBe(first);
  });

  it('writes exactly the documented headers', () => {
    for (const kind of KINDS) expect(fileText(small, kind).split('\n')[0]).toBe(HEADERS[kind]);
    expect(HEADERS.ledger).toBe('external_id,account,kind,document,posting_date,due_date,currency,amount,amount_accounting');
  });

  const company = generatedRecords({ customers: 300, asOf: '2026-11-24' });

  it('has a few hundred customers over six currencies, with on-hold and blocked accounts', () => {
    expect(company.customers).toHaveLength(300);
    const currencies = new Set(company.customers.map((c) => c.currency));
    expect([...currencies].sort()).toEqual(['CAD', 'EUR', 'GBP', 'JPY', 'KWD', 'USD']);
    const statuses = company.customers.map((c) => c.status);
    expect(statuses.filter((s) => s === 'on_hold').length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('blocked');
    expect(new Set(company.customers.map((c) => c.account)).size).toBe(300);
    expect(new Set(company.customers.map((c) => c.name)).size).toBe(300);
  });

  it('formats every amount in its currency own precision (JPY none, KWD three decimals)', () => {
    for (const row of company.ledger) {
      const decimals = row.amount!.split('.')[1]?.length ?? 0;
      expect(decimals).toBe(currencyExponent(row.currency!));
      expect(() => parseMoney(row.amount_accounting!, 'USD')).not.toThrow();
    }
    const kwd = company.ledger.find((r) => r.currency === 'KWD');
    expect(kwd?.amount).toMatch(/^-?\d+\.\d{3}$/);
    expect(company.ledger.find((r) => r.currency === 'JPY')?.amount).toMatch(/^-?\d+$/);
  });

  it('gives 1 to 4 contacts per customer, some at public mail domains, and one domain shared by two customers', () => {
    const perAccount = new Map<string, number>();
    for (const c of company.contacts) perAccount.set(c.account!, (perAccount.get(c.account!) ?? 0) + 1);
    expect(perAccount.size).toBe(300);
    expect(Math.max(...perAccount.values())).toBeLessThanOrEqual(4);
    expect(company.contacts.some((c) => isPublicMailDomain(c.email!.split('@')[1]!))).toBe(true);
    const owners = new Map<string, number>();
    for (const c of company.customers) for (const d of c.domains!.split(';')) owners.set(d, (owners.get(d) ?? 0) + 1);
    expect([...owners.values()].filter((n) => n >= 2)).toHaveLength(1);
    expect([...owners.keys()].every((d) => d.endsWith('.example'))).toBe(true);
  });

  it('holds invoices, partial payments, credit notes, fees and an unsettled payment on account', () => {
    const kinds = new Set(company.ledger.map((r) => r.kind));
    for (const kind of ['invoice', 'payment', 'credit_note', 'fee', 'interest', 'write_off']) expect(kinds).toContain(kind);
    const settledCredits = new Set(company.settlements.map((s) => s.credit_external_id));
    expect(company.ledger.some((r) => r.kind === 'payment' && !settledCredits.has(r.external_id!))).toBe(true);
    const settledOn = new Map<string, bigint>();
    const byId = new Map(company.ledger.map((r) => [r.external_id!, r]));
    for (const s of company.settlements) {
      const debit = byId.get(s.debit_external_id!)!;
      settledOn.set(debit.external_id!, (settledOn.get(debit.external_id!) ?? 0n) + parseMoney(s.amount!, debit.currency!));
    }
    const partial = [...settledOn].filter(([id, paid]) => paid < parseMoney(byId.get(id)!.amount!, byId.get(id)!.currency!));
    expect(partial.length).toBeGreaterThan(10);
    expect(company.ledger.every((r) => r.posting_date! <= '2026-11-24' && r.posting_date! >= '2025-05-01')).toBe(true);
  });

  it('sets credit limits in the accounting currency, some exceeded by the balance', () => {
    const balance = new Map<string, bigint>();
    for (const r of company.ledger) balance.set(r.account!, (balance.get(r.account!) ?? 0n) + parseMoney(r.amount_accounting!, 'USD'));
    const limited = company.customers.filter((c) => c.credit_limit !== '');
    const exceeded = limited.filter((c) => (balance.get(c.account!) ?? 0n) > parseMoney(c.credit_limit!, 'USD'));
    expect(limited.length).toBeGreaterThan(200);
    expect(exceeded.length).toBeGreaterThanOrEqual(5);
  });

  it('spreads a benchmark-sized ledger with a long tail: about 2,000,000 entries, the largest customer near 5,000', () => {
    const targets = entryTargets(50_000, 2_000_000, 1);
    const total = targets.reduce((sum, n) => sum + n, 0);
    expect(Math.abs(total - 2_000_000) / 2_000_000).toBeLessThan(0.02);
    expect(Math.max(...targets)).toBeGreaterThan(3_500);
    expect(Math.max(...targets)).toBeLessThan(8_000);
    expect([...targets].sort((a, b) => a - b)[25_000]).toBeLessThan(40);
  });

  it('writes the five files to a folder with their row counts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-csv-'));
    try {
      const progress: string[] = [];
      const files = await writeCompanyCsv(dir, { ...small, onProgress: (p) => p.done && progress.push(p.file) });
      expect(files.map((f) => f.file)).toEqual(['customers.csv', 'contacts.csv', 'contracts.csv', 'ledger.csv', 'settlements.csv']);
      expect(progress).toEqual(files.map((f) => f.file));
      expect(await readFile(join(dir, 'ledger.csv'), 'utf8')).toBe(fileText(small, 'ledger'));
      expect(files[0]?.rows).toBe(60);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an accounting currency it has no rate for', () => {
    expect(() => generateCompany({ ...small, accountingCurrency: 'XTS' })).toThrow(/no rate for XTS/);
  });
});
