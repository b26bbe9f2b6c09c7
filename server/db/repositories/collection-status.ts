// Collection statuses of open transactions, set by an activity's promise or dispute or by the
// Change status action: validated against what is open today, who set it recorded on the entry, and
// each change audited with before and after (the status history).
import { sql, type Transaction } from 'kysely';
import { checkOpenDebits, checkPromiseDate, checkPromiseItems, type ActivityRecord, type NewActivity } from '../../domain/activities';
import { checkStatusChange, checkTransition, checkVersions, type StatusChange, type TransactionState } from '../../domain/actions/status';
import { invalidField } from '../../domain/errors';
import type { CollectionStatus, IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';

export interface OpenDebit extends TransactionState {
  currency: string;
}

interface StatusContext {
  agentId: string;
  today: IsoDate;
}

type StatusFields = Pick<TransactionState, 'collectionStatus' | 'promiseDate' | 'promiseAmount' | 'disputeReason'>;

const CLEARED = { promiseDate: null, promiseAmount: null, disputeReason: null } as const;

/** Applies the promise or dispute of `input`; returns the ids of the transactions it changed. */
export async function applyCollectionStatus(
  trx: Transaction<Database>,
  customerId: string,
  input: Pick<NewActivity, 'promise' | 'dispute'>,
  ctx: StatusContext,
): Promise<string[]> {
  if (input.promise) {
    const { date, items } = input.promise;
    checkPromiseDate(input.promise, ctx.today);
    const debits = await openDebits(trx, customerId, items.map((i) => i.transactionId), ctx.today, 'promise.items');
    checkPromiseItems(input.promise, debits);
    for (const item of items) {
      await setStatus(trx, debits.get(item.transactionId)!, ctx, { collectionStatus: 'promise_to_pay', promiseDate: date, promiseAmount: item.amount, disputeReason: null }, null);
    }
    return items.map((i) => i.transactionId);
  }
  if (input.dispute) {
    const debits = await openDebits(trx, customerId, input.dispute.transactionIds, ctx.today, 'dispute.transactionIds');
    for (const debit of debits.values()) {
      await setStatus(trx, debit, ctx, { ...CLEARED, collectionStatus: 'disputed', disputeReason: input.dispute.reasonCode }, null);
    }
    return [...debits.keys()];
  }
  return [];
}

/**
 * The Change status action on one or many transactions, all or nothing: each must be an open debit
 * of the customer still at the version the agent saw. Returns their states after the change.
 */
export async function changeStatus(trx: Transaction<Database>, customerId: string, change: StatusChange, ctx: StatusContext): Promise<TransactionState[]> {
  checkStatusChange(change);
  if (change.promise) checkPromiseDate(change.promise, ctx.today);
  const debits = await openDebits(trx, customerId, change.transactionIds, ctx.today, 'transactionIds');
  checkVersions(change.transactionIds, change.versions, debits);
  if (change.promise) checkPromiseItems(change.promise, debits);
  const amounts = new Map(change.promise?.items.map((i) => [i.transactionId, i.amount]));
  for (const id of change.transactionIds) {
    const debit = debits.get(id)!;
    checkTransition(change.status, debit);
    const next: StatusFields =
      change.status === 'promise_to_pay'
        ? { collectionStatus: 'promise_to_pay', promiseDate: change.promise!.date, promiseAmount: amounts.get(id)!, disputeReason: null }
        : change.status === 'disputed'
          ? { ...CLEARED, collectionStatus: 'disputed', disputeReason: change.dispute!.reasonCode }
          : { ...CLEARED, collectionStatus: change.status };
    await setStatus(trx, debit, ctx, next, change.note);
  }
  const after = await openDebits(trx, customerId, change.transactionIds, ctx.today, 'transactionIds');
  return change.transactionIds.map((id) => after.get(id)!);
}

/** The named transactions, locked, each a debit of this customer with something open today. */
async function openDebits(trx: Transaction<Database>, customerId: string, ids: string[], today: IsoDate, field: string): Promise<Map<string, OpenDebit>> {
  if (new Set(ids).size !== ids.length) throw invalidField(field, 'names a transaction twice');
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) throw invalidField(field, `has '${bad}', which is not a transaction id`);
  const found = await lockedDebits(trx, customerId, ids, today);
  checkOpenDebits(ids, found, field);
  return found;
}

/** The named debits of this customer, locked, with what is open of each today (settled ones too). */
export async function lockedDebits(trx: Transaction<Database>, customerId: string, ids: readonly string[], today: IsoDate): Promise<Map<string, OpenDebit>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('ledger_entries as e')
    .select([
      'e.id', 'e.document', 'e.currency', 'e.version', 'e.collection_status', 'e.status_date', 'e.status_set_by', 'e.promise_date',
      'e.promise_amount', 'e.dispute_reason',
      sql<bigint>`e.amount - coalesce((SELECT sum(s.amount) FROM settlements s WHERE s.debit_id = e.id AND s.settled_on <= ${today}), 0)::bigint`.as('open'),
    ])
    .where('e.customer_id', '=', customerId)
    .where('e.id', 'in', [...ids])
    .where('e.amount', '>', 0n)
    .forUpdate()
    .execute();
  return new Map<string, OpenDebit>(
    rows.map((r) => [
      r.id,
      {
        id: r.id, document: r.document, currency: r.currency, version: r.version, open: BigInt(r.open),
        collectionStatus: r.collection_status, statusDate: r.status_date, statusSetBy: r.status_set_by,
        promiseDate: r.promise_date, promiseAmount: r.promise_amount, disputeReason: r.dispute_reason,
      },
    ]),
  );
}

type Commitment = Pick<ActivityRecord, 'promise' | 'dispute'>;

/**
 * Makes the transactions follow an activity's corrected (or withdrawn) promise or dispute: only those
 * still carrying what the activity set (the same promise date and amount, or the same dispute reason)
 * change; a status set since by another action or activity is left as it is.
 */
export async function followCommitment(trx: Transaction<Database>, debits: ReadonlyMap<string, OpenDebit>, was: Commitment, now: Commitment, ctx: StatusContext): Promise<void> {
  for (const item of was.promise?.items ?? []) {
    const debit = debits.get(item.transactionId);
    const carries = debit && (debit.collectionStatus === 'promise_to_pay' || debit.collectionStatus === 'promise_broken') &&
      debit.promiseDate === was.promise!.date && debit.promiseAmount === item.amount;
    if (!carries) continue;
    const kept = now.promise?.items.find((i) => i.transactionId === item.transactionId);
    const next: StatusFields = kept
      ? { collectionStatus: 'promise_to_pay', promiseDate: now.promise!.date, promiseAmount: kept.amount, disputeReason: null }
      : { ...CLEARED, collectionStatus: 'none' };
    if (next.collectionStatus !== debit.collectionStatus || next.promiseDate !== debit.promiseDate || next.promiseAmount !== debit.promiseAmount) {
      await setStatus(trx, debit, ctx, next, null);
    }
  }
  for (const item of was.dispute?.items ?? []) {
    const debit = debits.get(item.transactionId);
    if (!debit || debit.collectionStatus !== 'disputed' || debit.disputeReason !== was.dispute!.reasonCode) continue;
    const reason = now.dispute?.reasonCode;
    if (reason === debit.disputeReason) continue;
    await setStatus(trx, debit, ctx, reason ? { ...CLEARED, collectionStatus: 'disputed', disputeReason: reason } : { ...CLEARED, collectionStatus: 'none' }, null);
  }
}

const AUDIT_ACTIONS: Record<CollectionStatus, string> = {
  promise_to_pay: 'transaction.promise_to_pay',
  disputed: 'transaction.dispute',
  resolved: 'transaction.resolved',
  none: 'transaction.cleared',
  promise_broken: 'transaction.promise_broken',
};

async function setStatus(trx: Transaction<Database>, debit: OpenDebit, ctx: StatusContext, next: StatusFields, note: string | null): Promise<void> {
  await trx
    .updateTable('ledger_entries')
    .set({
      collection_status: next.collectionStatus,
      promise_date: next.promiseDate,
      promise_amount: next.promiseAmount,
      dispute_reason: next.disputeReason,
      status_date: ctx.today,
      status_set_by: ctx.agentId,
    })
    .where('id', '=', debit.id)
    .execute();
  const view = (s: StatusFields & { statusDate: string | null }) => ({
    collectionStatus: s.collectionStatus,
    statusDate: s.statusDate,
    promiseDate: s.promiseDate,
    promiseAmount: s.promiseAmount === null ? null : s.promiseAmount.toString(),
    disputeReason: s.disputeReason,
  });
  await recordAudit(trx, {
    actor: ctx.agentId,
    action: AUDIT_ACTIONS[next.collectionStatus],
    entity: 'ledger_entry',
    entityId: debit.id,
    before: { ...view(debit), statusSetBy: debit.statusSetBy },
    after: { ...view({ ...next, statusDate: ctx.today }), currency: debit.currency, document: debit.document, ...(note ? { note } : {}) },
  });
}
