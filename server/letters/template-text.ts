// A level's template text is data, not code: {{placeholder}} names from a fixed list are replaced
// by plain-text values; nothing else in it is interpreted (the HTML renderer escapes the result).
export const PLACEHOLDERS = [
  'customerName',
  'customerAccount',
  'letterNumber',
  'letterDate',
  'levelName',
  'totalOverdue',
  'fee',
  'totalDue',
  'oldestDaysOverdue',
  'payBy',
  'companyName',
  'agentName',
  'agentEmail',
  /** The greeting line: the contact by name when the letter has one, else the customer as a whole. */
  'salutation',
  /** The contact's name, else the customer's. */
  'contactName',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);
const PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Replaces each known {{name}} with its value in one pass, so a value is never itself expanded. */
export function fillTemplate(text: string, values: Readonly<Record<Placeholder, string>>): string {
  return text.replace(PATTERN, (whole, name: string) => (KNOWN.has(name) ? values[name as Placeholder] : whole));
}

/**
 * A body that opens with exactly the greeting a letter without a contact gets in its language
 * (`noContact`, e.g. 'Dear {{customerName}},' or 'Sehr geehrte Damen und Herren,', as the seeded
 * sequence's templates do) opens with {{salutation}} instead: the same words when the letter has no
 * contact, the contact by name when it has one.
 */
export function withSalutation(body: string, noContact: string): string {
  const newline = body.search(/\r?\n/);
  const first = newline === -1 ? body : body.slice(0, newline);
  const canonical = (line: string) => line.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, '{{$1}}').trim();
  return canonical(first) === noContact ? `{{salutation}}${newline === -1 ? '' : body.slice(newline)}` : body;
}

/** The {{names}} in `text` that are not placeholders, for validating a template before saving. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((m) => m[1]!).filter((name) => !KNOWN.has(name));
}

/** Paragraphs separated by blank lines; single newlines stay line breaks inside a paragraph. */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.split(/\r?\n/).map((line) => line.trim()))
    .filter((p) => p.some((line) => line !== ''));
}
