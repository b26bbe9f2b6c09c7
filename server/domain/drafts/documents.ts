// Which of the customer's own documents an email names, with where. The text is cut into whole
// tokens (letters and digits joined by single - _ / .), so a number inside a longer token never
// matches, and only this customer's documents are looked for: a number it does not have is never found.
import type { Span } from './types';

export interface DocumentMention<T> extends Span {
  transaction: T;
}

const tokenChar = /[\p{L}\p{N}]/u;
const joiner = /[-_/.#]/;

/** Whole tokens of the text: "INV-100042." gives "INV-100042"; "INV-1000421" stays one token. */
export function tokenize(text: string): Span[] {
  const tokens: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!tokenChar.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length) {
      if (tokenChar.test(text[i]!)) i++;
      else if (joiner.test(text[i]!) && i + 1 < text.length && tokenChar.test(text[i + 1]!)) i += 2;
      else break;
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

function normalize(s: string): string {
  return s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A bare number stands for a document only when it is long enough not to be a quantity or a day. */
const MIN_BARE_DIGITS = 5;

/**
 * Every naming of one of `documents` in `text`, in text order (a document named twice gives two
 * mentions). Named by its number in any case or separator ("inv 100042", "INV100042"), or by the
 * bare number of a prefixed document ("100042") when no other document shares it.
 */
export function findDocuments<T extends { document: string }>(text: string, documents: readonly T[]): DocumentMention<T>[] {
  const byFull = new Map<string, T>();
  const byDigits = new Map<string, T | null>();
  for (const doc of documents) {
    const full = normalize(doc.document);
    if (!full) continue;
    if (!byFull.has(full)) byFull.set(full, doc);
    const m = /^\p{L}+0*(\d+)$/u.exec(full);
    if (m && m[1]!.length >= MIN_BARE_DIGITS) byDigits.set(m[1]!, byDigits.has(m[1]!) && byDigits.get(m[1]!) !== doc ? null : doc);
  }
  const tokens = tokenize(text);
  const found: DocumentMention<T>[] = [];
  tokens.forEach((token, i) => {
    const key = normalize(token.text);
    const next = tokens[i + 1];
    // "INV 100042" or "Rechnung Nr. 100042": a prefix word and the number, blanks between.
    if (next && /^\p{L}+$/u.test(token.text) && /^[ \t]+$/.test(text.slice(token.end, next.start))) {
      const pair = byFull.get(key + normalize(next.text));
      if (pair) {
        found.push({ start: token.start, end: next.end, text: text.slice(token.start, next.end), transaction: pair });
        return;
      }
    }
    if (found.some((f) => f.end >= token.end && f.start <= token.start)) return;
    const lookup = (k: string) => byFull.get(k) ?? (/^\d+$/.test(k) ? byDigits.get(k.replace(/^0+(?=\d)/, '')) : undefined);
    const doc = lookup(key);
    if (doc) {
      found.push({ ...token, transaction: doc });
      return;
    }
    // "INV-100412/100437": two documents joined by a slash.
    let offset = token.start;
    for (const part of token.text.split('/')) {
      const partDoc = lookup(normalize(part));
      if (partDoc) found.push({ start: offset, end: offset + part.length, text: part, transaction: partDoc });
      offset += part.length + 1;
    }
  });
  return found;
}
