// What the money-moving actions share below the domain: the named entries as they stand today
// (locked), new entries posted with an external id for the ERP, settlements stored one row per
// pair and date, and each posting journaled for the postings feed.
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { NewEntry, OpenItem, PlannedSettlement, PostingKind } from '../../domain/actions/open-items';
import { checkVersions } from '../../domain/actions/status';
import { invalidField } from '../../domain/errors';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { isUuid } from './customers';

type Trx = Transaction<Database>;

/** The named entries of the customer (all of them when `ids` is null), locked, open amounts as of `today`. */
export async function lockedItems(trx: Trx, customerId: string, ids: string[] | null, today: IsoDate, field: string): Promise<Map<string, OpenItem>> {
  const bad = ids?.find((id) => !isUuid(id));
  if (bad !== undefined) throw invalidField(field, `has '${bad}', which is not a transaction id`);
  let query = trx
    .selectFrom('ledger_entries as e')
    .select([
      'e.id', 'e.document', 'e.kind', 'e.currency', 'e.posting_date', 'e.due_date', 'e.amount', 'e.amount_accounting', 'e.version',
      sql<bigint>`coalesce((SELECT sum(s.amount) FROM settlements s WHERE (s.debit_id = e.id OR s.credit_id = e.id) AND s.settled_on <= ${today}), 0)::bigint`.as('settled'),
    ])
    .where('e.customer_id', '=', customerId)
    .where('e.posting_date', '<=', today);
  if (ids !== null) query = query.where('e.id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  else query = query.where('e.closed_on', 'is', null);
  const rows = await query.orderBy('e.id').forUpdate().execute();
  return new Map(
    rows.map((r) => {
      const settled = BigInt(r.settled);
      const open = r.amount > 0n ? r.amount - settled : r.amount + settled;
      return [r.id, { id: r.id, document: r.document, kind: r.kind, currency: r.currency, postingDate: r.posting_date, dueDate: r.due_date, amount: r.amount, amountAccounting: r.amount_accounting, open, version: r.version }];
    }),
  );
}

/** The named entries are at the versions the agent saw (a 409 with the current state otherwise). */
export function checkItemVersions(items: ReadonlyMap<string, OpenItem>, versions: Record<string, number>): void {
  const ids = Object.keys(versions).filter((id) => items.has(id));
  const states = new Map(
    ids.map((id) => {
      const item = items.get(id)!;
      return [id, { id, document: item.document, version: item.version, open: item.open, collectionStatus: 'none' as const, statusDate: null, statusSetBy: null, promiseDate: null, promiseAmount: null, disputeReason: null }];
    }),
  );
  checkVersions(ids, versions, states);
}

export async function journal(trx: Trx, customerId: string, kind: PostingKind, externalId: string, body: Record<string, unknown>): Promise<void> {
  await trx.insertInto('action_postings').values({ kind, external_id: externalId, customer_id: customerId, body: JSON.stringify(body) }).execute();
}

/** Posts an entry with an external id ('AR-…') the ERP keeps, so its later import matches it. */
export async function postEntry(trx: Trx, customerId: string, entry: NewEntry, document: string, actor: string): Promise<string> {
  const externalId = `AR-${randomUUID()}`;
  const { id } = await trx
    .insertInto('ledger_entries')
    .values({
      customer_id: customerId, external_id: externalId, kind: entry.kind, document, posting_date: entry.postingDate, due_date: null,
      currency: entry.currency, amount: entry.amount, amount_accounting: entry.amountAccounting,
      status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await journal(trx, customerId, 'entry', externalId, {
    kind: entry.kind, document, postingDate: entry.postingDate, currency: entry.currency,
    amount: entry.amount.toString(), amountAccounting: entry.amountAccounting.toString(), postedBy: actor,
  });
  return id;
}

/**
 * Stores a planned settlement (`new:<i>` naming `newIds[i]`): one row per pair and date, so a second
 * settlement of the pair that day adds to the first, and a row that comes to 0 is removed. Returns
 * the row's id (null when removed).
 */
export async function storeSettlement(
  trx: Trx,
  customerId: string,
  planned: PlannedSettlement,
  newIds: readonly string[],
  ctx: { actor: string; reversalOf?: string },
): Promise<string | null> {
  const resolve = (id: string) => (id.startsWith('new:') ? newIds[Number(id.slice(4))]! : id);
  const [debitId, creditId] = [resolve(planned.debitId), resolve(planned.creditId)];
  // Both entries are locked (lockedItems), so the pair's row of the day cannot change under us.
  const same = await trx
    .selectFrom('settlements')
    .select(['id', 'amount'])
    .where('debit_id', '=', debitId)
    .where('credit_id', '=', creditId)
    .where('settled_on', '=', planned.date)
    .executeTakeFirst();
  const amount = (same?.amount ?? 0n) + planned.amount;
  let id: string | null = same?.id ?? null;
  if (same && amount === 0n) {
    await trx.deleteFrom('settlements').where('id', '=', same.id).execute();
    id = null;
  } else if (same) {
    await trx.updateTable('settlements').set({ amount }).where('id', '=', same.id).execute();
  } else {
    id = (
      await trx
        .insertInto('settlements')
        .values({ debit_id: debitId, credit_id: creditId, amount, settled_on: planned.date, created_by: ctx.actor, reversal_of: ctx.reversalOf ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const refs = await trx.selectFrom('ledger_entries').select(['id', 'external_id', 'document', 'currency']).where('id', 'in', [debitId, creditId]).execute();
  const ref = (id: string) => refs.find((r) => r.id === id);
  await journal(trx, customerId, planned.amount > 0n ? 'settlement' : 'settlement_reversal', `AR-S-${randomUUID()}`, {
    settlementId: id, debitExternalId: ref(debitId)?.external_id ?? null, debitDocument: ref(debitId)?.document,
    creditExternalId: ref(creditId)?.external_id ?? null, creditDocument: ref(creditId)?.document,
    currency: ref(debitId)?.currency, amount: planned.amount.toString(), date: planned.date, postedBy: ctx.actor,
  });
  return id;
}
