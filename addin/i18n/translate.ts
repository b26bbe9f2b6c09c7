// The catalogs and `translate()` without React: for code outside components (the API clients, the
// sign-in dialog page) that must not pull React into its bundle. Components use `useT()` (./index).
import { fill, languageOf, lookup, pluralForm, type At, type KeyOf, type ParamsArg, type Translation } from './core';
import { de } from './de';
import { en, type Source } from './en';

export type MessageKey = KeyOf<Source>;

/** Every language by its code; the first is the fallback (and the source of every key). */
export const catalogs: Readonly<Record<string, Translation<Source>>> = { en, de };

/** The catalog's language for a locale: its own when the pane has it, else English. */
export function catalogLanguage(locale: string): string {
  const language = languageOf(locale);
  return language in catalogs ? language : 'en';
}

/** The message's text before its placeholders are filled, and the language it was found in. */
export function message(locale: string, key: string, count: unknown): { text: string; language: string } {
  const language = catalogLanguage(locale);
  const own = lookup(catalogs[language], key);
  const value = own ?? lookup(en, key);
  const used = own ? language : 'en';
  if (value === undefined) return { text: key, language: used };
  if (typeof value === 'string') return { text: value, language: used };
  return { text: pluralForm(value, used, typeof count === 'number' ? count : Number.NaN), language: used };
}

/** The message at `key` in the locale's language, placeholders filled. */
export function translate<K extends MessageKey>(locale: string, key: K, ...args: ParamsArg<At<Source, K>, string | number>): string {
  const params = args[0] as Record<string, string | number> | undefined;
  return fill(message(locale, key, params?.count).text, locale, params, (v) => v).join('');
}
