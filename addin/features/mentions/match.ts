// Finds which of a customer's documents an email names. The text is cut into whole tokens (letters
// and digits, joined by single - _ / . between them), so a number inside a longer token never matches.

export interface Document {
  document: string;
}

const tokenChar = /[\p{L}\p{N}]/u;
const joiner = /[-_/.]/;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Whole tokens of the text: "INV-100042." gives "INV-100042"; "INV-1000421" stays one token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
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

/** Case and separators do not matter: "inv 100042", "INV100042" and "INV-100042" are one key. */
export function normalize(s: string): string {
  return s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A bare number stands for a document only when it is long enough not to be a quantity or a day. */
const MIN_BARE_DIGITS = 4;

function documentKeys(document: string): { full: string; digits: string | null } {
  const full = normalize(document);
  const m = /^\p{L}+0*(\d+)$/u.exec(full);
  const digits = m && m[1]!.length >= MIN_BARE_DIGITS ? m[1]! : null;
  return { full, digits };
}

/**
 * The documents named in the text, in the order they are first named. A document is named by its
 * number (any case, any separator, or the prefix as a separate word: "INV 100042"), or by the
 * bare number of a prefixed document ("100042") when that number is unambiguous.
 */
export function findMentioned<T extends Document>(text: string, documents: readonly T[]): T[] {
  const byFull = new Map<string, T>();
  const byDigits = new Map<string, T | null>();
  for (const doc of documents) {
    const keys = documentKeys(doc.document);
    if (!keys.full) continue;
    if (!byFull.has(keys.full)) byFull.set(keys.full, doc);
    if (keys.digits) byDigits.set(keys.digits, byDigits.has(keys.digits) && byDigits.get(keys.digits) !== doc ? null : doc);
  }
  const tokens = tokenize(text);
  const found: T[] = [];
  const seen = new Set<T>();
  const add = (doc: T | null | undefined) => {
    if (doc && !seen.has(doc)) {
      seen.add(doc);
      found.push(doc);
    }
  };
  tokens.forEach((token, i) => {
    const key = normalize(token.text);
    const next = tokens[i + 1];
    // "INV 100042": the prefix and the number as two words separated by blanks only.
    if (next && /^[ \t]+$/.test(text.slice(token.end, next.start))) {
      const pair = byFull.get(key + normalize(next.text));
      if (pair && /^\p{L}+$/u.test(token.text)) add(pair);
    }
    add(byFull.get(key));
    if (/^\d+$/.test(key)) add(byDigits.get(key.replace(/^0+(?=\d)/, '')));
  });
  return found;
}

/** Cheap pre-check: without a run of three digits no document can be named, so skip the request. */
export function mayNameDocuments(text: string): boolean {
  return /\d{3}/.test(text);
}
