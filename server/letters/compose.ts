// Composes a letter without touching the database: the due level and its template, the letter's
// number and key, its fee as a ledger entry, and the renderers' input (customer and the contact it
// greets, letterhead, agent, lines, and the statement's aging with the fee included).
import type { LetterSettings } from '../config';
import { ageLedger } from '../domain/aging';
import { addDays } from '../domain/dates';
import { conflict } from '../domain/errors';
import { ledgerAsOf } from '../domain/ledger-asof';
import type { LetterProposal } from '../domain/letters';
import type { IsoDate, LedgerEntry, Settlement } from '../domain/types';
import type { LetterCustomer, LetterLevelWithTemplates, LetterSequence } from './model';
import { PAY_WITHIN_DAYS, type LetterInput, type LetterTemplate } from './view';

export type DueProposal = Extract<LetterProposal, { due: true }>;

/** The requested language's template, else the sequence's, else English, else any. */
export function templateFor(level: LetterLevelWithTemplates, language: string, sequence: LetterSequence): { language: string; template: LetterTemplate } | null {
  for (const candidate of [language, sequence.language, 'en', ...Object.keys(level.templates)]) {
    const template = level.templates[candidate];
    if (template) return { language: candidate, template };
  }
  return null;
}

/** The due level and its template in the wanted language (else the sequence's, else English). */
export function levelTemplate(sequence: LetterSequence, proposal: DueProposal, language: string | undefined) {
  const level = sequence.levels.find((l) => l.level === proposal.level.level)!;
  const chosen = templateFor(level, language ?? sequence.language, sequence);
  if (!chosen) throw conflict('letter_setup_invalid', `Level ${level.level} '${level.name}' has no template.`);
  return { level, ...chosen };
}

/** One letter per customer, level and date. */
export function letterKey(customerId: string, level: number, date: IsoDate): string {
  return `${customerId}:${level}:${date}`;
}

export function formatLetterNumber(n: bigint): string {
  return `CL-${n.toString().padStart(6, '0')}`;
}

/** The fee as a ledger entry: document = letter number, due with the letter's payment date. */
export function feeEntry(number: string, date: IsoDate, fee: NonNullable<DueProposal['fee']>): Omit<LedgerEntry, 'id'> {
  return {
    kind: 'fee',
    document: number,
    postingDate: date,
    dueDate: addDays(date, PAY_WITHIN_DAYS),
    currency: fee.fee.currency,
    amount: fee.fee.minor,
    amountAccounting: fee.accounting,
    collectionStatus: 'none',
    statusDate: null,
    promiseDate: null,
    promiseAmount: null,
    disputeReason: null,
  };
}

export interface ComposeArgs {
  number: string;
  letterDate: IsoDate;
  language: string;
  template: LetterTemplate;
  proposal: DueProposal;
  customer: LetterCustomer;
  /** The customer's contact the letter greets (store/proposal-inputs.ts letterContact); null: the customer. */
  contact?: { name: string | null } | null;
  agent: { name: string | null; email: string };
  settings: LetterSettings;
  accountingCurrency: string;
  /** The ledger as of the letter date, with the letter's own fee entry when it has one. */
  entries: readonly LedgerEntry[];
  settlements: readonly Settlement[];
}

export function letterInput(args: ComposeArgs): LetterInput {
  const aging = ageLedger(ledgerAsOf(args.entries, args.settlements, args.letterDate, { subset: true })).map((bucket) => ({
    label: bucket.period.label,
    amount: bucket.amount,
    current: bucket.period.fromDays === null,
  }));
  return {
    language: args.language,
    number: args.number,
    letterDate: args.letterDate,
    levelName: args.proposal.level.name,
    template: args.template,
    company: { name: args.settings.companyName, addressLines: args.settings.companyAddress, logoPath: args.settings.logoPath },
    customer: {
      name: args.customer.name,
      account: args.customer.account,
      addressLines: (args.customer.postalAddress ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''),
    },
    contact: args.contact?.name ? { name: args.contact.name } : null,
    agent: { name: args.agent.name ?? args.agent.email, email: args.agent.email },
    lines: args.proposal.lines,
    totals: args.proposal.totals,
    fee: args.proposal.fee?.fee ?? null,
    oldestDaysOverdue: args.proposal.oldestDaysOverdue,
    aging,
    accountingCurrency: args.accountingCurrency,
  };
}
