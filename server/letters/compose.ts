// Puts a due proposal together with the customer, the letterhead, the agent and the level's
// template into the input the renderers take; also the statement's aging, fee included.
import type { LetterSettings } from '../config';
import { ageLedger } from '../domain/aging';
import { ledgerAsOf } from '../domain/ledger-asof';
import type { LetterProposal } from '../domain/letters';
import type { IsoDate, LedgerEntry, Settlement } from '../domain/types';
import type { LetterCustomer, LetterLevelWithTemplates, LetterSequence } from './load';
import type { LetterInput, LetterTemplate } from './view';

export type DueProposal = Extract<LetterProposal, { due: true }>;

/** The requested language's template, else the sequence's, else English, else any. */
export function templateFor(level: LetterLevelWithTemplates, language: string, sequence: LetterSequence): { language: string; template: LetterTemplate } | null {
  for (const candidate of [language, sequence.language, 'en', ...Object.keys(level.templates)]) {
    const template = level.templates[candidate];
    if (template) return { language: candidate, template };
  }
  return null;
}

export interface ComposeArgs {
  number: string;
  letterDate: IsoDate;
  language: string;
  template: LetterTemplate;
  proposal: DueProposal;
  customer: LetterCustomer;
  agent: { name: string | null; email: string };
  settings: LetterSettings;
  accountingCurrency: string;
  /** The ledger as of the letter date, with the letter's own fee entry when it has one. */
  entries: readonly LedgerEntry[];
  settlements: readonly Settlement[];
}

export function letterInput(args: ComposeArgs): LetterInput {
  const aging = ageLedger(ledgerAsOf(args.entries, args.settlements, args.letterDate)).map((bucket) => ({
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
    agent: { name: args.agent.name ?? args.agent.email, email: args.agent.email },
    lines: args.proposal.lines,
    totals: args.proposal.totals,
    fee: args.proposal.fee?.fee ?? null,
    oldestDaysOverdue: args.proposal.oldestDaysOverdue,
    aging,
    accountingCurrency: args.accountingCurrency,
  };
}
