// The money-moving actions at the JSON edge: requests into domain commands (minor units to bigint),
// settlements and write-offs into JSON.
import type { SettleCommand } from '../../domain/actions/settle';
import { invalidField } from '../../domain/errors';
import { toJsonMinor } from '../../domain/money';
import type { SettlementResult } from '../../db/repositories/settlements';
import type { WriteOffRecord } from '../../db/repositories/write-offs';
import type { SettleRequest, SettlementJson, WriteOffJson } from '../schemas/money-actions';

/** Either explicit pairs or oldest first over named credits, not both. */
export function settleCommand(body: SettleRequest): SettleCommand {
  if (body.pairs && (body.mode || body.creditIds)) throw invalidField('pairs', "goes without 'mode' and 'creditIds'");
  if (body.pairs) return { pairs: body.pairs.map((p) => ({ ...p, amount: BigInt(p.amount) })) };
  if (body.mode !== 'oldest_first' || !body.creditIds) throw invalidField('pairs', "is required unless 'mode' is 'oldest_first' with 'creditIds'");
  return { mode: 'oldest_first', creditIds: body.creditIds };
}

export function settlementJson(s: SettlementResult): SettlementJson {
  return { id: s.id, debitId: s.debitId, creditId: s.creditId, amount: toJsonMinor(s.amount), date: s.date };
}

export function writeOffJson(w: WriteOffRecord): WriteOffJson {
  return { ...w, items: w.items.map((i) => ({ transactionId: i.transactionId, amount: toJsonMinor(i.amount) })), totalAccounting: toJsonMinor(w.totalAccounting) };
}
