// The actions on open transactions at the JSON edge: requests into domain commands (minor units
// to bigint), states and history records into JSON.
import type { StatusChange, TransactionState } from '../../domain/actions/status';
import type { AuditRecord } from '../../db/repositories/audit';
import { toJsonMinor } from '../../domain/money';
import type { ChangeStatusRequest, ChangeStatusResponse, HistoryItem } from '../schemas/actions';
import { nullableJsonMinor } from './money';

export function statusChange(body: ChangeStatusRequest): StatusChange {
  const { promise, dispute, note, ...rest } = body;
  return {
    ...rest,
    versions: body.versions as Record<string, number>,
    note: note?.trim() || null,
    // The schema admits integers only, so BigInt() cannot throw here.
    ...(promise ? { promise: { date: promise.date, items: promise.items.map((item) => ({ ...item, amount: BigInt(item.amount) })) } } : {}),
    ...(dispute ? { dispute } : {}),
  };
}

export function transactionStatesJson(states: TransactionState[]): ChangeStatusResponse {
  return { items: states.map((s) => ({ ...s, open: toJsonMinor(s.open), promiseAmount: nullableJsonMinor(s.promiseAmount) })) };
}

export function historyItemJson(record: AuditRecord): HistoryItem {
  return {
    id: record.id,
    at: record.occurredAt.toISOString(),
    actor: record.actor,
    actorName: record.actorName,
    action: record.action,
    transactionId: record.entity === 'ledger_entry' ? record.entityId : null,
    before: record.before,
    after: record.after,
  };
}
