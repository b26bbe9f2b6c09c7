// A payment returned unpaid (NSF): the reversing debit posted, the payment's settlements reversed as
// of the NSF date (what it settled reopens; earlier pictures unchanged), the payment closed against
// the reversing debit, all audited on the payment and the debits it had settled.
import type { Transaction } from 'kysely';
import { nsfFeeEntry, planNsf } from '../../domain/actions/nsf';
import { notFound } from '../../domain/errors';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';
import type { SettlementResult } from './settlements';
import { checkItemVersions, lockedItems, postEntry, storeSettlement } from './transactions-actions';

export async function returnPayment(
  trx: Transaction<Database>,
  paymentId: string,
  input: { date: IsoDate; version: number; note: string | null; chargeFee?: boolean },
  ctx: { agentId: string; today: IsoDate; nsfFees?: Readonly<Record<string, bigint>> },
): Promise<{ reversalId: string; settlements: SettlementResult[]; feeId: string | null }> {
  const owner = isUuid(paymentId) ? await trx.selectFrom('ledger_entries').select('customer_id').where('id', '=', paymentId).executeTakeFirst() : undefined;
  if (!owner) throw notFound('transaction_not_found', `No transaction ${paymentId}.`, { id: paymentId });
  const customerId = owner.customer_id;
  const items = await lockedItems(trx, customerId, [paymentId], ctx.today, 'id');
  const payment = items.get(paymentId)!;
  checkItemVersions(items, { [paymentId]: input.version });
  const rows = await trx
    .selectFrom('settlements as s')
    .innerJoin('ledger_entries as d', 'd.id', 's.debit_id')
    .select(['s.debit_id', 's.amount', 's.settled_on', 'd.kind'])
    .where('s.credit_id', '=', paymentId)
    .where('s.settled_on', '<=', ctx.today)
    .execute();
  const byDebit = new Map<string, bigint>();
  for (const r of rows) byDebit.set(r.debit_id, (byDebit.get(r.debit_id) ?? 0n) + r.amount);
  const lastSettledOn = rows.map((r) => r.settled_on).sort().at(-1) ?? null;
  const plan = planNsf(payment, { byDebit, lastSettledOn, returned: rows.some((r) => r.kind === 'nsf_reversal') }, input.date, ctx.today);
  const fee = input.chargeFee ? nsfFeeEntry(payment, ctx.nsfFees ?? {}, input.date) : null;
  const before = await lockedItems(trx, customerId, [...byDebit.keys()], ctx.today, 'id');
  await trx.updateTable('settlements').set({ reversed_on: input.date }).where('credit_id', '=', paymentId).where('amount', '>', 0n).where('reversed_on', 'is', null).execute();
  const reversalId = await postEntry(trx, customerId, plan.reversal, `NSF-${payment.document}`, ctx.agentId);
  // Posted (and journaled for the ERP) like the reversal, in the same transaction.
  const feeId = fee ? await postEntry(trx, customerId, fee, `NSF-FEE-${payment.document}`, ctx.agentId) : null;
  const settlements: SettlementResult[] = [];
  for (const s of plan.settlements) {
    const id = await storeSettlement(trx, customerId, s, [reversalId], { actor: ctx.agentId });
    settlements.push({ ...s, debitId: s.debitId === 'new:0' ? reversalId : s.debitId, id });
  }
  await recordAudit(trx, {
    actor: ctx.agentId, action: 'transaction.nsf', entity: 'ledger_entry', entityId: paymentId,
    before: { open: payment.open.toString() },
    after: { date: input.date, reversalId, document: payment.document, reopened: Object.fromEntries([...byDebit].map(([k, v]) => [k, v.toString()])), ...(input.note ? { note: input.note } : {}), ...(fee ? { feeId, fee: fee.amount.toString(), feeCurrency: fee.currency } : {}) },
  });
  for (const [debitId, amount] of byDebit) {
    if (amount === 0n) continue;
    await recordAudit(trx, {
      actor: ctx.agentId, action: 'transaction.reopened_by_nsf', entity: 'ledger_entry', entityId: debitId,
      before: { open: before.get(debitId)?.open.toString() ?? null },
      after: { reopened: amount.toString(), payment: payment.document, date: input.date },
    });
  }
  return { reversalId, settlements, feeId };
}
