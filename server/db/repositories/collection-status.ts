// A promise to pay or a dispute recorded on an activity sets the named open transactions' collection
// status (promise date and amount, or the dispute reason), validated against what is open today.
import { sql, type Transaction } from 'kysely';
import { checkOpenDebits, checkPromiseDate, checkPromiseItems, type NewActivity } from '../../domain/activities';
import { invalidField } from '../../domain/errors';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';

interface OpenDebit {
  id: string;
  document: string;
  currency: string;
  open: bigint;
  collection_status: string;
  status_date: string | null;
  promise_date: string | null;
  promise_amount: bigint | null;
  dispute_reason: string | null;
}

/** Applies the promise or dispute of `input`; returns the ids of the transactions it changed. */
export async function applyCollectionStatus(
  trx: Transaction<Database>,
  customerId: string,
  input: Pick<NewActivity, 'promise' | 'dispute'>,
  ctx: { agentId: string; today: IsoDate },
): Promise<string[]> {
  if (input.promise) {
    const { date, items } = input.promise;
    checkPromiseDate(input.promise, ctx.today);
    const debits = await openDebits(trx, customerId, items.map((i) => i.transactionId), ctx.today, 'promise.items');
    checkPromiseItems(input.promise, debits);
    for (const item of items) {
      const debit = debits.get(item.transactionId)!;
      await setStatus(trx, debit, ctx, { collection_status: 'promise_to_pay', promise_date: date, promise_amount: item.amount, dispute_reason: null });
    }
    return items.map((i) => i.transactionId);
  }
  if (input.dispute) {
    const debits = await openDebits(trx, customerId, input.dispute.transactionIds, ctx.today, 'dispute.transactionIds');
    for (const debit of debits.values()) {
      await setStatus(trx, debit, ctx, { collection_status: 'disputed', promise_date: null, promise_amount: null, dispute_reason: input.dispute.reasonCode });
    }
    return [...debits.keys()];
  }
  return [];
}

/** The named transactions, locked, each a debit of this customer with something open today. */
async function openDebits(trx: Transaction<Database>, customerId: string, ids: string[], today: IsoDate, field: string): Promise<Map<string, OpenDebit>> {
  if (new Set(ids).size !== ids.length) throw invalidField(field, 'names a transaction twice');
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) throw invalidField(field, `has '${bad}', which is not a transaction id`);
  const rows = await trx
    .selectFrom('ledger_entries as e')
    .select([
      'e.id', 'e.document', 'e.currency', 'e.collection_status', 'e.status_date', 'e.promise_date', 'e.promise_amount', 'e.dispute_reason',
      sql<bigint>`e.amount - coalesce((SELECT sum(s.amount) FROM settlements s WHERE s.debit_id = e.id AND s.settled_on <= ${today}), 0)::bigint`.as('open'),
    ])
    .where('e.customer_id', '=', customerId)
    .where('e.id', 'in', ids)
    .where('e.amount', '>', 0n)
    .forUpdate()
    .execute();
  const found = new Map(rows.map((r) => [r.id, { ...r, open: BigInt(r.open) }]));
  checkOpenDebits(ids, found, field);
  return found;
}

type StatusFields = Pick<OpenDebit, 'collection_status' | 'promise_date' | 'promise_amount' | 'dispute_reason'>;

async function setStatus(trx: Transaction<Database>, debit: OpenDebit, ctx: { agentId: string; today: IsoDate }, next: StatusFields): Promise<void> {
  await trx
    .updateTable('ledger_entries')
    .set({ ...next, collection_status: next.collection_status as 'promise_to_pay' | 'disputed', status_date: ctx.today })
    .where('id', '=', debit.id)
    .execute();
  const view = (s: StatusFields & { status_date: string | null }) => ({
    collectionStatus: s.collection_status,
    statusDate: s.status_date,
    promiseDate: s.promise_date,
    promiseAmount: s.promise_amount === null ? null : s.promise_amount.toString(),
    disputeReason: s.dispute_reason,
  });
  await recordAudit(trx, {
    actor: ctx.agentId,
    action: next.collection_status === 'disputed' ? 'transaction.dispute' : 'transaction.promise_to_pay',
    entity: 'ledger_entry',
    entityId: debit.id,
    before: view(debit),
    after: { ...view({ ...next, status_date: ctx.today }), currency: debit.currency },
  });
}
