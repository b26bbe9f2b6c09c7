// Row-level checks done while streaming: required fields, dates, enumerations, e-mail addresses,
// and amounts in the currency's own precision. Each kind's row becomes the values of its staging
// row (see staging.ts) plus the problems found, each naming its column.
import { isIsoDate } from '../domain/dates';
import { currencyExponent, isCurrencyCode, MoneyParseError, parseMoney } from '../domain/money';
import { ACCOUNT_STATUSES, LEDGER_KINDS } from '../domain/types';

export interface Problem {
  column: string;
  reason: string;
}
export type Value = string | null;

/** Reads one row's fields, trimmed, and records what is wrong with them. */
export class RowReader {
  readonly problems: Problem[] = [];
  constructor(private readonly values: Record<string, string>) {}

  optional(column: string): Value {
    const value = this.values[column]?.trim() ?? '';
    if (value.includes('\u0000')) {
      // PostgreSQL text cannot hold U+0000.
      this.problem(column, 'contains a NUL character');
      return null;
    }
    return value === '' ? null : value;
  }

  required(column: string): Value {
    const value = this.optional(column);
    if (value === null) this.problem(column, 'is required');
    return value;
  }

  date(column: string, required = false): Value {
    const value = required ? this.required(column) : this.optional(column);
    if (value !== null && !isDate(value)) {
      this.problem(column, `'${value}' is not a date in the form YYYY-MM-DD`);
      return null;
    }
    return value;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], fallback?: T): T | null {
    const value = fallback === undefined ? this.required(column) : this.optional(column);
    if (value === null) return fallback ?? null;
    const normal = value.toLowerCase().replace(/[\s-]+/g, '_');
    const found = allowed.find((option) => option === normal);
    if (!found) this.problem(column, `'${value}' is not one of ${allowed.join(', ')}`);
    return found ?? null;
  }

  currency(column: string): string | null {
    const value = this.required(column)?.toUpperCase() ?? null;
    if (value !== null && !isCurrencyCode(value)) {
      this.problem(column, `'${value}' is not an ISO 4217 currency code`);
      return null;
    }
    return value;
  }

  /** Minor units as a decimal string of digits, for a bigint staging column. */
  money(column: string, currency: string | null, required = false): Value {
    const value = required ? this.required(column) : this.optional(column);
    if (value === null || currency === null) return null;
    try {
      return parseMoney(value, currency).toString();
    } catch (error) {
      if (!(error instanceof MoneyParseError)) throw error;
      const reason =
        error.reason === 'too_many_decimals'
          ? `'${value}' has too many decimals for ${currency} (at most ${currencyExponent(currency)})`
          : `'${value}' is not an amount (digits, an optional leading '-' and '.')`;
      this.problem(column, reason);
      return null;
    }
  }

  email(column: string, required = false): Value {
    const value = (required ? this.required(column) : this.optional(column))?.toLowerCase() ?? null;
    if (value !== null && !EMAIL.test(value)) {
      this.problem(column, `'${value}' is not an e-mail address`);
      return null;
    }
    return value;
  }

  problem(column: string, reason: string): void {
    this.problems.push({ column, reason });
  }
}

/** A ledger repeats the same few thousand dates a million times: each is checked once. */
const validDates = new Set<string>();

function isDate(value: string): boolean {
  if (validDates.has(value)) return true;
  if (!isIsoDate(value)) return false;
  if (validDates.size < 100_000) validDates.add(value);
  return true;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/;

const DEBIT_KINDS = new Set(['invoice', 'fee', 'interest', 'nsf_reversal']);
const CREDIT_KINDS = new Set(['payment', 'credit_note', 'write_off']);

export function customerRow(r: RowReader, accountingCurrency: string): Value[] {
  const domains = (r.optional('domains') ?? '')
    .split(';')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter((d) => d !== '');
  const bad = domains.find((d) => !DOMAIN.test(d));
  if (bad !== undefined) r.problem('domains', `'${bad}' is not a mail domain (separate several with ';')`);
  const creditLimit = r.money('credit_limit', accountingCurrency);
  if (creditLimit?.startsWith('-')) r.problem('credit_limit', 'must not be negative');
  return [
    r.required('account'), r.required('name'), r.optional('group'), r.optional('sales_area'),
    r.optional('payment_terms'), r.currency('currency'), creditLimit, r.optional('credit_rating'),
    r.oneOf('status', ACCOUNT_STATUSES, 'active'), r.date('customer_since'), [...new Set(domains)].join(';'),
    r.email('agent_email'),
  ];
}

export function contactRow(r: RowReader): Value[] {
  return [r.required('account'), r.optional('name'), r.email('email', true), r.optional('phone'), r.optional('role')];
}

/** A contract's number is its key within the account; its value is in its own currency. */
export function contractRow(r: RowReader): Value[] {
  const number = r.required('contract_number');
  if (number !== null && number.length > 200) r.problem('contract_number', 'is longer than 200 characters');
  const starts = r.date('start_date', true);
  const ends = r.date('end_date');
  if (starts !== null && ends !== null && ends < starts) r.problem('end_date', `'${ends}' is before the start date ${starts}`);
  const currency = r.currency('currency');
  const value = r.money('value', currency, true);
  if (value?.startsWith('-')) r.problem('value', 'must not be negative');
  return [r.required('account'), number, r.optional('description'), starts, ends, value, currency];
}

export function ledgerRow(r: RowReader, accountingCurrency: string): Value[] {
  const kind = r.oneOf('kind', LEDGER_KINDS);
  const currency = r.currency('currency');
  const amount = r.money('amount', currency, true);
  let accounting = r.money('amount_accounting', accountingCurrency);
  if (accounting === null && r.optional('amount_accounting') === null && currency !== null) {
    if (currency === accountingCurrency) accounting = amount;
    else r.problem('amount_accounting', `is required when the currency is not the accounting currency ${accountingCurrency}`);
  }
  if (amount !== null && kind !== null) {
    const minor = BigInt(amount);
    if (DEBIT_KINDS.has(kind) && minor <= 0n) r.problem('amount', `must be positive for a ${kind} (debits are positive)`);
    else if (CREDIT_KINDS.has(kind) && minor >= 0n) r.problem('amount', `must be negative for a ${kind} (credits are negative)`);
    else if (minor === 0n) r.problem('amount', 'must not be zero');
    else if (accounting !== null && accounting !== '0' && accounting.startsWith('-') !== amount.startsWith('-')) {
      r.problem('amount_accounting', 'must have the same sign as amount');
    }
  }
  return [
    r.required('external_id'), r.required('account'), kind, r.required('document'), r.date('posting_date', true),
    r.date('due_date'), currency, amount, accounting, documentUrl(r),
  ];
}

/** A link to the entry's document (the invoice copy): https only, so a reply never attaches from an insecure or local source. */
function documentUrl(r: RowReader): Value {
  const value = r.optional('document_url');
  if (value === null) return null;
  let ok = value.length <= 2000 && /^https:\/\/[^\s]+$/.test(value);
  try {
    ok &&= new URL(value).protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) r.problem('document_url', `'${value.slice(0, 100)}' is not an https:// URL (at most 2000 characters)`);
  return ok ? value : null;
}

/** The amount stays text here: it is in the debit's currency, which only the ledger knows (settle-check.ts). */
export function settlementRow(r: RowReader): Value[] {
  return [r.required('debit_external_id'), r.required('credit_external_id'), r.required('amount'), r.date('date', true)];
}
