// The broken-promise job's writes: each promise to pay whose date plus the grace passed without the
// promised amount settled is stored as broken once (a conditional update, safe with several server
// processes), audited once, and becomes a To Do task for the customer's agent (an activity of type
// task, synced through the Graph outbox), all in one transaction per promise.
import type { Kysely } from 'kysely';
import { promisesToBreak } from '../../domain/actions/broken-promises';
import { addDays } from '../../domain/dates';
import { formatMinor } from '../../domain/money';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { createActivity } from './activity-writes';
import { recordAudit } from './audit';
import { loadLedger } from './ledger';

export const BROKEN_PROMISE_ACTOR = 'status-job';

export interface BrokenPromiseOptions {
  today: IsoDate;
  graceDays: number;
  /** Whether To Do tasks are queued for Outlook (Graph configured). */
  graphEnabled: boolean;
}

/** Marks the promises broken as of `today`; returns how many this run marked. */
export async function markBrokenPromises(db: Kysely<Database>, opts: BrokenPromiseOptions): Promise<number> {
  const customers = await db
    .selectFrom('ledger_entries')
    .select('customer_id')
    .distinct()
    .where('collection_status', '=', 'promise_to_pay')
    .where('promise_date', '<', addDays(opts.today, -opts.graceDays))
    .execute();
  let marked = 0;
  for (const { customer_id: customerId } of customers) {
    const { entries, settlements } = await loadLedger(db, customerId, opts.today);
    for (const entry of promisesToBreak(entries, settlements, opts.today, opts.graceDays)) {
      const done = await db.transaction().execute(async (trx) => {
        // Only the process whose update finds the promise still standing goes on.
        const row = await trx
          .updateTable('ledger_entries')
          .set({ collection_status: 'promise_broken', status_set_by: BROKEN_PROMISE_ACTOR })
          .where('id', '=', entry.id)
          .where('collection_status', '=', 'promise_to_pay')
          .where('promise_date', '=', entry.promiseDate)
          .returning(['id'])
          .executeTakeFirst();
        if (!row) return false;
        const amount = entry.promiseAmount === null ? '' : `, ${formatMinor(entry.promiseAmount, entry.currency)} ${entry.currency}`;
        await recordAudit(trx, {
          actor: BROKEN_PROMISE_ACTOR, action: 'transaction.promise_broken', entity: 'ledger_entry', entityId: entry.id,
          before: { collectionStatus: 'promise_to_pay', promiseDate: entry.promiseDate, promiseAmount: entry.promiseAmount?.toString() ?? null },
          after: { collectionStatus: 'promise_broken', document: entry.document },
        });
        const customer = await trx.selectFrom('customers').select(['name', 'default_agent_id']).where('id', '=', customerId).executeTakeFirstOrThrow();
        if (customer.default_agent_id !== null) {
          await createActivity(trx, customerId, {
            type: 'task',
            purpose: `Promise broken: ${customer.name}, ${entry.document}${amount} due ${entry.promiseDate}`,
            dueAt: new Date(`${opts.today}T12:00:00Z`),
            followUpAt: new Date(`${opts.today}T12:00:00Z`),
            ledgerEntryIds: [entry.id],
          }, { agentId: customer.default_agent_id, today: opts.today, graphEnabled: opts.graphEnabled });
        }
        return true;
      });
      if (done) marked += 1;
    }
  }
  return marked;
}
