// A customer's contracts as of a date: one is in force from its start date through its end date
// (both inclusive; an open-ended one from its start on), upcoming before, ended after.
import type { CurrencyCode, IsoDate } from './types';

export const CONTRACT_STATES = ['upcoming', 'active', 'ended'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export interface Contract {
  id: string;
  customerId: string;
  number: string;
  description: string | null;
  startsOn: IsoDate;
  /** Null: open-ended. */
  endsOn: IsoDate | null;
  /** Minor units of `currency`. */
  value: bigint;
  currency: CurrencyCode;
}

export function contractState(contract: Pick<Contract, 'startsOn' | 'endsOn'>, asOf: IsoDate): ContractState {
  if (asOf < contract.startsOn) return 'upcoming';
  if (contract.endsOn !== null && asOf > contract.endsOn) return 'ended';
  return 'active';
}

export function countActiveContracts(contracts: readonly Pick<Contract, 'startsOn' | 'endsOn'>[], asOf: IsoDate): number {
  return contracts.filter((contract) => contractState(contract, asOf) === 'active').length;
}

const RANK: Record<ContractState, number> = { active: 0, upcoming: 1, ended: 2 };

/**
 * The order the pane lists them in: those in force first (the soonest to end first, open-ended
 * last), then the upcoming (the soonest to start first), then the ended (the latest to end first);
 * ties by number.
 */
export function byRelevance(asOf: IsoDate): (a: Contract, b: Contract) => number {
  const key = (c: Contract): string => {
    const state = contractState(c, asOf);
    if (state === 'upcoming') return c.startsOn;
    if (state === 'ended') return invert(c.endsOn!);
    return c.endsOn ?? '9999-12-31';
  };
  return (a, b) =>
    RANK[contractState(a, asOf)] - RANK[contractState(b, asOf)] || key(a).localeCompare(key(b)) || a.number.localeCompare(b.number);
}

/** A date string that sorts in the reverse order of the date. */
function invert(date: IsoDate): string {
  return date.replace(/\d/g, (d) => String(9 - Number(d)));
}
