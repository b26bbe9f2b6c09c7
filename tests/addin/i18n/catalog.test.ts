// The message catalog: every language says every English message with the same placeholders and
// all the plural forms its language needs; lookups follow the display language.
import { describe, expect, it, vi } from 'vitest';
import { catalogs, LANGUAGES, translate } from '../../../addin/i18n';
import { en } from '../../../addin/i18n/en';

type Node = string | { [key: string]: Node };

/** Every message as [dotted key, text or plural forms]. */
function leaves(node: Node, prefix = ''): Array<[string, string | Record<string, string>]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node.other === 'string') return [[prefix, node as Record<string, string>]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const forms = (m: string | Record<string, string>) => (typeof m === 'string' ? { text: m } : m);

const source = new Map(leaves(en as unknown as Node));
const others = Object.entries(catalogs).filter(([language]) => language !== 'en');

describe('the catalog', () => {
  it('has English as its source and at least German beside it', () => {
    expect(source.size).toBeGreaterThan(150);
    expect(others.map(([language]) => language)).toContain('de');
  });

  it.each(others)('%s has exactly the English keys, no message empty', (_language, catalog) => {
    const messages = leaves(catalog as unknown as Node);
    expect(messages.map(([key]) => key).sort()).toEqual([...source.keys()].sort());
    for (const [key, message] of messages) {
      for (const [form, text] of Object.entries(forms(message))) expect(text.trim(), `${key} (${form})`).not.toBe('');
    }
  });

  it.each(others)('%s keeps each message’s placeholders, no more and no fewer', (_language, catalog) => {
    for (const [key, message] of leaves(catalog as unknown as Node)) {
      const english = forms(source.get(key)!);
      // A plural's forms all name what its "other" form names ({count} included).
      const expected = placeholders(english.other ?? english.text!);
      for (const [form, text] of Object.entries(forms(message))) expect(placeholders(text), `${key} (${form})`).toEqual(expected);
    }
  });

  it.each(Object.entries(catalogs))('%s has every plural form its language uses', (language, catalog) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = leaves(catalog as unknown as Node).filter(([, m]) => typeof m !== 'string');
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key, message] of plurals) expect(Object.keys(message).sort(), key).toEqual([...needed].sort());
  });
});

describe('translate', () => {
  it('speaks German for any German locale and English for everything else', () => {
    expect(translate('de-DE', 'common.retry')).toBe('Erneut versuchen');
    expect(translate('de-AT', 'common.retry')).toBe('Erneut versuchen');
    expect(translate('de', 'common.retry')).toBe('Erneut versuchen');
    expect(translate('en-US', 'common.retry')).toBe('Retry');
    expect(translate('fr-FR', 'common.retry')).toBe('Retry');
  });

  it('fills placeholders, numbers in the locale', () => {
    expect(translate('de-DE', 'resolution.noCustomer.title', { addresses: 'ap@contoso.com' })).toBe('Kein Kunde gefunden für ap@contoso.com');
    expect(translate('en-US', 'reports.table.range', { from: 1, to: 100, total: 12345 })).toBe('1–100 of 12,345');
    expect(translate('de-DE', 'reports.table.range', { from: 1, to: 100, total: 12345 })).toBe('1–100 von 12.345');
  });

  it('chooses the plural form by the count, formatted in the locale', () => {
    expect(translate('en-US', 'worklist.customers', { count: 1 })).toBe('1 customer');
    expect(translate('en-US', 'worklist.customers', { count: 0 })).toBe('0 customers');
    expect(translate('en-US', 'worklist.customers', { count: 1200 })).toBe('1,200 customers');
    expect(translate('de-DE', 'worklist.customers', { count: 1 })).toBe('1 Kunde');
    expect(translate('de-DE', 'worklist.customers', { count: 1200 })).toBe('1.200 Kunden');
    // English text follows English rules, whatever the locale's own (French counts 0 as "one").
    expect(translate('fr-FR', 'worklist.customers', { count: 0 })).toBe('0 customers');
    expect(translate('de-DE', 'overview.facts.days', { count: 1.5 })).toBe('1,5 Tage');
  });

  it('has every language the pane offers loaded here (the set-up loads them all), so none goes unchecked', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LANGUAGES].sort());
    expect(LANGUAGES).toContain('de');
  });

  it('speaks English for a language until its catalog is loaded, then that language', async () => {
    vi.resetModules();
    const fresh = await import('../../../addin/i18n/translate');
    expect(fresh.translate('de-DE', 'common.close')).toBe('Close');
    await fresh.loadCatalog('de-AT');
    expect(fresh.translate('de-DE', 'common.close')).toBe('Schließen');
    await fresh.loadCatalog('fr-FR');
    expect(fresh.translate('fr-FR', 'common.close')).toBe('Close');
  });
});
