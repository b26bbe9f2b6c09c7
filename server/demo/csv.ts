// The import's CSV formats as the demo writes them: the documented headers, RFC 4180 quoting, and
// rows batched into large string chunks so millions of rows stream without a write per row.

export const HEADERS = {
  customers: 'account,name,group,sales_area,payment_terms,currency,credit_limit,credit_rating,status,customer_since,domains,agent_email',
  contacts: 'account,name,email,phone,role',
  contracts: 'account,contract_number,description,start_date,end_date,value,currency',
  ledger: 'external_id,account,kind,document,posting_date,due_date,currency,amount,amount_accounting',
  settlements: 'debit_external_id,credit_external_id,amount,date',
} as const;

export type DemoFileKind = keyof typeof HEADERS;

export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: ReadonlyArray<string | null>): string {
  return `${values.map(csvField).join(',')}\n`;
}

const CHUNK = 64 * 1024;

/** Prefixes the header and joins rows into chunks of about 64 KB. */
export function* chunked(kind: DemoFileKind, rows: Iterable<string>): Generator<string> {
  let buffer = `${HEADERS[kind]}\n`;
  for (const row of rows) {
    buffer += row;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}
