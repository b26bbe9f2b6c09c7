// Holds to JSON: the full record for the holds routes, the short form for the grid and the header.
import { holdInForce, type Hold } from '../../domain/actions/holds';
import type { IsoDate } from '../../domain/types';
import type { HoldRef, HoldResponse } from '../schemas/holds';

export function holdJson(hold: Hold, today: IsoDate): HoldResponse {
  return {
    id: hold.id, customerId: hold.customerId, transactionId: hold.transactionId, reason: hold.reason, until: hold.until,
    createdBy: hold.createdBy, createdAt: hold.createdAt.toISOString(), liftedBy: hold.liftedBy, liftedAt: hold.liftedAt?.toISOString() ?? null,
    inForce: holdInForce(hold, today),
  };
}

export function holdRefJson(hold: Pick<Hold, 'id' | 'reason' | 'until'> | null | undefined): HoldRef {
  return hold ? { id: hold.id, reason: hold.reason, until: hold.until } : null;
}
