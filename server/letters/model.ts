// The values the letters logic and its stores exchange: the customer and its sequence (levels with
// templates), posted letters, batch runs and a customer's letter settings. Money is bigint minor
// units with its currency; the API's JSON shapes are server/http's (mappers/letters.ts).
import type {
  BatchItemState, BatchStatus, LetterDelivery, LetterFee, LetterLevel, LetterLine, LetterStatus, PostedLetterRef,
} from '../domain/letters';
import type { IsoDate, Money } from '../domain/types';
import type { LetterTemplate } from './view';

export interface LetterLevelWithTemplates extends LetterLevel {
  id: string;
  templates: Record<string, LetterTemplate>;
}

export interface LetterSequence {
  id: string;
  name: string;
  language: string;
  isDefault: boolean;
  levels: LetterLevelWithTemplates[];
}

export interface LetterCustomer {
  id: string;
  account: string;
  name: string;
  currency: string;
  lettersExcluded: boolean;
  sequenceId: string | null;
  postalAddress: string | null;
  defaultAgentId: string | null;
}

/** The customer's own sequence, else the default one; null when neither exists. */
export function sequenceOf(sequences: readonly LetterSequence[], customer: LetterCustomer): LetterSequence | null {
  return sequences.find((s) => s.id === customer.sequenceId) ?? sequences.find((s) => s.isDefault) ?? null;
}

/** A letter posted to the customer, with the sequence it belongs to: proposals count only their own sequence's. */
export interface SequenceLetterRef extends PostedLetterRef {
  sequenceId: string;
}

/** A sequence as a manager writes it: the minimum in the accounting currency, fees per currency. */
export interface SequenceDraft {
  name: string;
  language: string;
  isDefault: boolean;
  levels: Array<{
    level: number;
    name: string;
    days: number;
    minOverdue: Money;
    fees: Money[];
    templates: Record<string, LetterTemplate>;
  }>;
}

/** A line as the letter stored it (the collection status it had is not kept). */
export type PostedLetterLine = Omit<LetterLine, 'status'>;

export interface PostedLetter {
  id: string;
  number: string;
  customerId: string;
  level: number;
  levelName: string;
  letterDate: IsoDate;
  language: string;
  delivery: LetterDelivery;
  status: LetterStatus;
  subject: string;
  recipient: string | null;
  totals: Money[];
  totalAccounting: bigint;
  fee: LetterFee | null;
  feeEntryId: string | null;
  lines: PostedLetterLine[];
  postedBy: string;
  postedAt: Date;
}

export interface BatchItem {
  customerId: string;
  account: string;
  name: string;
  state: BatchItemState;
  reason: string | null;
  letterId: string | null;
  letterNumber: string | null;
}

export interface LetterBatch {
  id: string;
  asOf: IsoDate;
  delivery: LetterDelivery;
  status: BatchStatus;
  counts: Record<BatchItemState, number>;
  items: BatchItem[];
}

export interface CustomerLetterSettings {
  customerId: string;
  excluded: boolean;
  /** Null: the default sequence. */
  sequenceId: string | null;
  postalAddress: string | null;
}

export type LetterSettingsPatch = Partial<Omit<CustomerLetterSettings, 'customerId'>>;
