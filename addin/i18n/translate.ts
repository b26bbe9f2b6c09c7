// The catalogs and `translate()` without React: for code outside components (the API clients, the
// sign-in dialog page) that must not pull React into its bundle. Components use `useT()` (./index).
import { fill, languageOf, lookup, pluralForm, type At, type KeyOf, type ParamsArg, type Translation } from './core';
import { en, type Source } from './en';

export type MessageKey = KeyOf<Source>;

/**
 * Every language beyond English, each its own chunk, loaded before the first screen that needs it
 * (`loadCatalog`): an English pane does not download the German words.
 */
const LOADERS: Readonly<Record<string, () => Promise<Translation<Source>>>> = {
  de: () => import(/* webpackChunkName: "i18n-de" */ './de').then((m) => m.de),
};

/** Every language the pane has: English (the fallback, and the source of every key) first. */
export const LANGUAGES: readonly string[] = ['en', ...Object.keys(LOADERS)];

const loaded: Record<string, Translation<Source>> = { en };

/** The catalogs loaded so far, by language code. */
export const catalogs: Readonly<Record<string, Translation<Source>>> = loaded;

/** Loads the catalog of a locale's language (once; nothing for English or a language the pane lacks). */
export async function loadCatalog(locale: string): Promise<void> {
  const language = languageOf(locale);
  const load = LOADERS[language];
  if (load && !(language in loaded)) loaded[language] = await load();
}

/** The catalog's language for a locale: its own when the pane has it (loaded), else English. */
export function catalogLanguage(locale: string): string {
  const language = languageOf(locale);
  return language in loaded ? language : 'en';
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
