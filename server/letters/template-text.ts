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
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);
const PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Replaces each known {{name}} with its value in one pass, so a value is never itself expanded. */
export function fillTemplate(text: string, values: Readonly<Record<Placeholder, string>>): string {
  return text.replace(PATTERN, (whole, name: string) => (KNOWN.has(name) ? values[name as Placeholder] : whole));
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
