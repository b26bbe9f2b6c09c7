// A statement as of a date, read and rendered without storing anything: the customer (its language
// as letters choose it), its ledger as of the date, the domain's statement, and the renderers' input.
import type { Kysely } from 'kysely';
import type { LetterSettings } from '../config';
import { loadLedger } from '../db/repositories/ledger';
import { findStatementCustomer, type StatementCustomer } from '../db/repositories/statements';
import type { Database } from '../db/schema';
import { activityStatement, openItemsStatement, type Statement, type StatementKind } from '../domain/statements';
import type { IsoDate } from '../domain/types';
import type { StatementInput } from './view';

export interface StatementOptions {
  customerId: string;
  kind: StatementKind;
  asOf: IsoDate;
  /** Activity statements: the period's first day. */
  from: IsoDate | null;
  /** Overrides the customer's language. */
  language?: string;
  agent: { name: string | null; email: string };
  accountingCurrency: string;
  settings: LetterSettings;
}

export interface ComposedStatement {
  customer: StatementCustomer;
  language: string;
  statement: Statement;
  input: (number: string) => StatementInput;
}

/** Null when there is no such customer. */
export async function composeStatement(db: Kysely<Database>, opts: StatementOptions): Promise<ComposedStatement | null> {
  const customer = await findStatementCustomer(db, opts.customerId);
  if (!customer) return null;
  const { entries, settlements } = await loadLedger(db, customer.id, opts.asOf);
  const statement =
    opts.kind === 'activity'
      ? activityStatement(entries, opts.from ?? opts.asOf, opts.asOf, opts.accountingCurrency)
      : openItemsStatement(entries, settlements, opts.asOf, opts.accountingCurrency);
  const language = opts.language ?? customer.language;
  return {
    customer,
    language,
    statement,
    input: (number) => ({
      language,
      number,
      statement,
      company: { name: opts.settings.companyName, addressLines: opts.settings.companyAddress, logoPath: opts.settings.logoPath },
      customer: {
        name: customer.name,
        account: customer.account,
        addressLines: (customer.postalAddress ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''),
      },
      agent: { name: opts.agent.name ?? opts.agent.email, email: opts.agent.email },
    }),
  };
}

/** What a statement states as its totals: the open amount per currency, or each currency's closing balance. */
export function statedTotals(statement: Statement): Array<{ currency: string; open: bigint }> {
  return statement.kind === 'open_items' ? statement.totals : statement.currencies.map((c) => ({ currency: c.currency, open: c.closing }));
}
