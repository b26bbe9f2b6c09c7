// The catalog's machinery, free of React and of any one language: the types that tie every language
// to the English source (same keys, placeholders named in the text), looking a key up, choosing a
// plural form with Intl.PluralRules, and filling `{name}` placeholders (numbers in the locale).

/** A message with plural forms, chosen by `{count}` (Intl.PluralRules categories; `other` always). */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

type Leaf = string | { readonly other: string };

/** Another language's catalog: the source's keys, every message a string (or plural forms). */
export type Translation<T> = {
  -readonly [K in keyof T]: T[K] extends string ? string : T[K] extends { readonly other: string } ? PluralForms : Translation<T[K]>;
};

/** Every key of a catalog, dotted: 'resolution.noCustomer.title'. */
export type KeyOf<T> = { [K in keyof T & string]: T[K] extends Leaf ? K : `${K}.${KeyOf<T[K]>}` }[keyof T & string];

/** The message at a dotted key. */
export type At<T, P extends string> = P extends `${infer H}.${infer R}` ? (H extends keyof T ? At<T[H], R> : never) : P extends keyof T ? T[P] : never;

type Placeholders<S> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

/** The placeholder names of a message (a plural's forms together, and always `count`). */
export type PlaceholdersOf<V> = V extends string ? Placeholders<V> : V extends { readonly other: string } ? 'count' | Placeholders<V[keyof V]> : never;

/** What a message's placeholders take: `count` a number, the others text or a number. */
export type ParamsFor<V, Value> = { [P in PlaceholdersOf<V>]: P extends 'count' ? number : Value };

/** No argument for a message without placeholders; the params object otherwise. */
export type ParamsArg<V, Value> = [PlaceholdersOf<V>] extends [never] ? [params?: Record<string, never>] : [params: ParamsFor<V, Value>];

/** The language a catalog is chosen by: 'de-AT' → 'de'. */
export function languageOf(locale: string): string {
  return locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The message at a dotted key, or undefined when the catalog has none. */
export function lookup(catalog: unknown, key: string): string | PluralForms | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && typeof (node as PluralForms).other === 'string') return node as PluralForms;
  return undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The form for `count` by the rules of the message's own language (English text, English rules). */
export function pluralForm(forms: PluralForms, language: string, count: number): string {
  const category = cached(pluralRules, language, () => new Intl.PluralRules(language)).select(count) as keyof PluralForms;
  return forms[category] ?? forms.other;
}

/** The text around and between `{name}` placeholders, split: even indexes text, odd indexes names. */
export function splitPlaceholders(text: string): string[] {
  return text.split(/\{(\w+)\}/);
}

/** Fills placeholders; a number is formatted in the locale, an absent value leaves `{name}` (easy to spot). */
export function fill<V>(text: string, locale: string, params: Record<string, V> | undefined, show: (value: V) => V | string): Array<string | V> {
  const parts = splitPlaceholders(text);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part;
    if (!params || !(part in params)) return `{${part}}`;
    const value = params[part]!;
    return typeof value === 'number' ? cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value) : show(value);
  });
}
