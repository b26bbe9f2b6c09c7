// Settling open credits against open debits here, and reversing such a settlement as of a date:
// the rows, the postings journal and the audit trail (each touched entry's open amount before and
// after) in the caller's transaction.
import type { Transaction } from 'kysely';
import type { PlannedSettlement } from '../../domain/actions/open-items';
import { planReversal, planSettlements, type SettleCommand, type StoredSettlement } from '../../domain/actions/settle';
import { notFound } from '../../domain/errors';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';
import { checkItemVersions, lockedItems, storeSettlement } from './transactions-actions';

type Trx = Transaction<Database>;

interface ActionContext {
  agentId: string;
  today: IsoDate;
}

export interface SettlementResult {
  id: string | null;
  debitId: string;
  creditId: string;
  amount: bigint;
  date: IsoDate;
}

/** Audits each entry a settlement (or its reversal) moved, with its open amount before and after. */
async function auditMoves(trx: Trx, customerId: string, planned: readonly PlannedSettlement[], action: string, ctx: ActionContext, before: Map<string, bigint>, extra: object): Promise<void> {
  const ids = [...new Set(planned.flatMap((p) => [p.debitId, p.creditId]))];
  const after = await lockedItems(trx, customerId, ids, ctx.today, 'transactionIds');
  for (const id of ids) {
    const item = after.get(id)!;
    const moved = planned.filter((p) => p.debitId === id || p.creditId === id).map((p) => ({ counterpart: p.debitId === id ? p.creditId : p.debitId, amount: p.amount.toString(), date: p.date }));
    await recordAudit(trx, {
      actor: ctx.agentId, action, entity: 'ledger_entry', entityId: id,
      before: { open: before.get(id)?.toString() ?? null },
      after: { open: item.open.toString(), document: item.document, currency: item.currency, settlements: moved, ...extra },
    });
  }
}

export async function settle(trx: Trx, customerId: string, command: SettleCommand, versions: Record<string, number>, ctx: ActionContext): Promise<SettlementResult[]> {
  // Oldest first chooses among all open debits, so all of the customer's open entries are read.
  const named = 'pairs' in command ? command.pairs.flatMap((p) => [p.debitId, p.creditId]) : null;
  const items = await lockedItems(trx, customerId, named, ctx.today, 'pairs');
  if (!('pairs' in command)) for (const [i, id] of command.creditIds.entries()) if (!items.has(id)) (await lockedItems(trx, customerId, [id], ctx.today, `creditIds.${i}`)).forEach((v, k) => items.set(k, v));
  checkItemVersions(items, versions);
  const planned = planSettlements(command, items, ctx.today);
  const results: SettlementResult[] = [];
  for (const p of planned) results.push({ ...p, id: await storeSettlement(trx, customerId, p, [], { actor: ctx.agentId }) });
  await auditMoves(trx, customerId, planned, 'transaction.settled', ctx, new Map([...items].map(([id, item]) => [id, item.open])), {});
  return results;
}

export async function reverseSettlement(trx: Trx, settlementId: string, date: IsoDate, ctx: ActionContext): Promise<{ customerId: string; reversal: SettlementResult }> {
  const missing = () => notFound('settlement_not_found', `No settlement ${settlementId}.`, { id: settlementId });
  if (!isUuid(settlementId)) throw missing();
  const row = await trx
    .selectFrom('settlements as s')
    .innerJoin('ledger_entries as d', 'd.id', 's.debit_id')
    .select(['s.id', 's.debit_id', 's.credit_id', 's.amount', 's.settled_on', 's.created_by', 's.reversal_of', 's.reversed_on', 'd.customer_id'])
    .where('s.id', '=', settlementId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw missing();
  const stored: StoredSettlement = {
    id: row.id, debitId: row.debit_id, creditId: row.credit_id, amount: row.amount, settledOn: row.settled_on,
    createdBy: row.created_by, reversalOf: row.reversal_of, reversedOn: row.reversed_on,
  };
  const before = await lockedItems(trx, row.customer_id, [row.debit_id, row.credit_id], ctx.today, 'id');
  const plan = planReversal(stored, date, ctx.today);
  const planned = plan === 'remove' ? { debitId: row.debit_id, creditId: row.credit_id, amount: -row.amount, date } : plan;
  // The same day: the opposite amount added to the row removes it (and journals the reversal).
  if (plan !== 'remove') await trx.updateTable('settlements').set({ reversed_on: date }).where('id', '=', row.id).execute();
  const id = await storeSettlement(trx, row.customer_id, planned, [], { actor: ctx.agentId, ...(plan === 'remove' ? {} : { reversalOf: row.id }) });
  await auditMoves(trx, row.customer_id, [planned], 'transaction.settlement_reversed', ctx, new Map([...before].map(([k, v]) => [k, v.open])), { settlementId: row.id });
  return { customerId: row.customer_id, reversal: { ...planned, id } };
}
