// CSV as RFC 4180 writes it: records end in CRLF; a field holding a comma, a double quote, CR or LF
// is enclosed in double quotes, with its double quotes doubled. Pure text, no I/O.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, CRLF included. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a leading
// apostrophe makes it text, as OWASP advises. Only for free text such as names, never for amounts.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text made safe to open in a spreadsheet. */
export function csvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
