// The pane's message catalog: every string a user sees, in the Office display language ('de*' →
// German, anything else → English), from `useT()` in components and `translate()` elsewhere.
//
// Adding a string
//   1. Add it to the feature's group in addin/i18n/en/<feature>.ts (English is the source), e.g.
//      `noCustomer: { title: 'No customer found for {addresses}' }` → key 'resolution.noCustomer.title'.
//      Placeholders are `{name}`; a count that changes the wording is a plural:
//      `{ one: '{count} customer', other: '{count} customers' }` (forms by Intl.PluralRules).
//   2. Add the same key to addin/i18n/de/<feature>.ts (the type check fails until you do, and on any
//      extra key; tests/addin/i18n/catalog.test.ts checks the placeholders and plural forms).
//   3. In a component: `const t = useT();` then `t('resolution.noCustomer.title', { addresses })`;
//      the key and its params are type-checked. Numbers in params are formatted in the locale. A
//      placeholder that must be an element (a <strong>, a <DateText>) uses `t.rich(key, params)`.
//      Outside React (a model, a validator): `translate(locale, key, params)`.
//   A new feature's group: a file in en/ and de/, listed in en/index.ts and de/index.ts. Keep each
//   file under 300 lines; split a large group into several files.
//
// Adding a language
//   Copy de/ to <code>/, translate every message (Sie-form where the language has one), add its
//   plural forms for every category Intl.PluralRules lists for it, and add its loader to LOADERS in ./translate.ts.
import { createElement, Fragment, useMemo, type ReactNode } from 'react';
import { useLocale } from '../ui/locale';
import { fill, type At, type ParamsArg } from './core';
import type { Source } from './en';
import { message, translate, type MessageKey } from './translate';

export { catalogLanguage, catalogs, LANGUAGES, loadCatalog, translate, type MessageKey } from './translate';
export type { PluralForms, Translation } from './core';

export interface Translate {
  <K extends MessageKey>(key: K, ...args: ParamsArg<At<Source, K>, string | number>): string;
  /** The message with elements in its placeholders (a <strong> name, a <DateText>). */
  rich<K extends MessageKey>(key: K, ...args: ParamsArg<At<Source, K>, ReactNode>): ReactNode;
  /** The locale it translates for (also the one numbers and dates are formatted in). */
  locale: string;
}

/** A translator for one locale, for code that has the locale but no React context. */
export function translator(locale: string): Translate {
  const plain = translate as (locale: string, key: string, params?: unknown) => string;
  const t = ((key: MessageKey, params?: unknown) => plain(locale, key, params)) as Translate;
  t.rich = (key: MessageKey, ...args: unknown[]) => {
    const params = args[0] as Record<string, ReactNode> | undefined;
    const parts = fill<ReactNode>(message(locale, key, params?.count).text, locale, params, (v) => v);
    // Spread as children: React needs no keys for them.
    return createElement(Fragment, null, ...parts);
  };
  t.locale = locale;
  return t;
}

/** `t(key, params?)` for the Office display language of the pane. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
