// A customer's contracts as GET /api/customers/:id/contracts answers them: ordered for the pane,
// each with its state on the as-of date, money as JSON minor units.
import { byRelevance, contractState, countActiveContracts, type Contract } from '../../domain/contracts';
import { toJsonMinor } from '../../domain/money';
import type { IsoDate } from '../../domain/types';
import type { ContractsResponse } from '../schemas/contracts';

export function contractsJson(contracts: readonly Contract[], asOf: IsoDate): ContractsResponse {
  return {
    asOf,
    active: countActiveContracts(contracts, asOf),
    items: [...contracts].sort(byRelevance(asOf)).map((c) => ({
      id: c.id,
      number: c.number,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      value: toJsonMinor(c.value),
      currency: c.currency,
      state: contractState(c, asOf),
    })),
  };
}
