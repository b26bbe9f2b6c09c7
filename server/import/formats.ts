// The five import formats and how a file's kind is told from its header (CSV) or keys (JSON).
export type ImportKind = 'customers' | 'contacts' | 'contracts' | 'ledger' | 'settlements';

/** Processing order: later kinds refer to earlier ones. */
export const KIND_ORDER: readonly ImportKind[] = ['customers', 'contacts', 'contracts', 'ledger', 'settlements'];

interface Format {
  columns: readonly string[];
  required: readonly string[];
}

export const FORMATS: Record<ImportKind, Format> = {
  customers: {
    columns: ['account', 'name', 'group', 'sales_area', 'payment_terms', 'currency', 'credit_limit',
      'credit_rating', 'status', 'customer_since', 'domains', 'agent_email'],
    required: ['account', 'name', 'currency'],
  },
  contacts: {
    columns: ['account', 'name', 'email', 'phone', 'role'],
    required: ['account', 'email'],
  },
  contracts: {
    columns: ['account', 'contract_number', 'description', 'start_date', 'end_date', 'value', 'currency'],
    required: ['account', 'contract_number', 'start_date', 'value', 'currency'],
  },
  ledger: {
    columns: ['external_id', 'account', 'kind', 'document', 'posting_date', 'due_date', 'currency', 'amount',
      'amount_accounting', 'document_url'],
    required: ['external_id', 'account', 'kind', 'document', 'posting_date', 'currency', 'amount'],
  },
  settlements: {
    columns: ['debit_external_id', 'credit_external_id', 'amount', 'date'],
    required: ['debit_external_id', 'credit_external_id', 'amount', 'date'],
  },
};

/** Header names as written, trimmed and lower-cased so 'Account ' and 'account' agree. */
export function normalizeHeader(names: string[]): string[] {
  return names.map((name) => name.trim().toLowerCase());
}

/**
 * The kind whose columns include every header column and whose required columns are all present;
 * otherwise a sentence saying what is wrong with the header.
 */
export function detectKind(header: string[]): { kind: ImportKind } | { problem: string } {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return { problem: `the column '${name}' appears twice in the header` };
    seen.add(name);
  }
  const fits = KIND_ORDER.filter((kind) => header.every((name) => FORMATS[kind].columns.includes(name)));
  const complete = fits.filter((kind) => FORMATS[kind].required.every((name) => seen.has(name)));
  if (complete.length === 1) return { kind: complete[0]! };
  const nearest = fits[0];
  if (nearest) {
    const missing = FORMATS[nearest].required.filter((name) => !seen.has(name));
    return { problem: `a ${nearest} file needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  }
  const known = new Set(KIND_ORDER.flatMap((kind) => FORMATS[kind].columns));
  const unknown = header.filter((name) => !known.has(name));
  const which = unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` : '';
  return {
    problem: `${which}the header matches none of the formats (${KIND_ORDER.join(', ')})`,
  };
}
