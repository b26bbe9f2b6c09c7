// Write-offs: within the requester's limit posted at once (a write-off credit per item that settles
// it), above it stored as a request that a manager approves (posted then) or rejects. Each step is
// audited on the debits it names, so it shows in their collections history.
import type { Kysely, Transaction } from 'kysely';
import type { OpenItem } from '../../domain/actions/open-items';
import { planWriteOff, writeOffDecision, writeOffEntry, type WriteOffItem, type WriteOffStatus } from '../../domain/actions/write-off';
import { conflict, notFound } from '../../domain/errors';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';
import { checkItemVersions, lockedItems, postEntry, storeSettlement } from './transactions-actions';

type Trx = Transaction<Database>;

export interface WriteOffCommand {
  items: WriteOffItem[];
  reasonCode: string;
  note: string | null;
  versions: Record<string, number>;
}

export interface WriteOffRecord {
  id: string;
  customerId: string;
  status: WriteOffStatus;
  reasonCode: string;
  note: string | null;
  items: Array<{ transactionId: string; amount: bigint }>;
  totalAccounting: bigint;
  requestedBy: string;
  decidedBy: string | null;
  entryIds: string[];
}

interface ActionContext {
  agentId: string;
  today: IsoDate;
}

type Row = Database['write_off_requests'];

function record(row: { id: string; customer_id: string; status: WriteOffStatus; reason_code: string; note: string | null; items: Array<{ transactionId: string; amount: string; entryId?: string }>; total_accounting: bigint; requested_by: string; decided_by: string | null }): WriteOffRecord {
  return {
    id: row.id, customerId: row.customer_id, status: row.status, reasonCode: row.reason_code, note: row.note,
    items: row.items.map((i) => ({ transactionId: i.transactionId, amount: BigInt(i.amount) })),
    totalAccounting: row.total_accounting, requestedBy: row.requested_by, decidedBy: row.decided_by,
    entryIds: row.items.flatMap((i) => (i.entryId ? [i.entryId] : [])),
  };
}

const COLUMNS = ['id', 'customer_id', 'status', 'reason_code', 'note', 'items', 'total_accounting', 'requested_by', 'decided_by'] as const satisfies ReadonlyArray<keyof Row>;

/** Posts the write-off credits settling each item; returns the entry ids in item order. */
async function postWriteOff(trx: Trx, customerId: string, items: readonly WriteOffItem[], debits: ReadonlyMap<string, OpenItem>, id: string, reasonCode: string, ctx: ActionContext): Promise<string[]> {
  const { lines } = planWriteOff(items, debits);
  const entryIds: string[] = [];
  for (const [i, line] of lines.entries()) {
    const entryId = await postEntry(trx, customerId, writeOffEntry(line, ctx.today), `WO-${id.slice(0, 8).toUpperCase()}-${i + 1}`, ctx.agentId);
    await storeSettlement(trx, customerId, { debitId: line.debit.id, creditId: entryId, amount: line.amount, date: ctx.today }, [], { actor: ctx.agentId });
    await recordAudit(trx, {
      actor: ctx.agentId, action: 'transaction.write_off', entity: 'ledger_entry', entityId: line.debit.id,
      before: { open: line.debit.open.toString() },
      after: { open: (line.debit.open - line.amount).toString(), writtenOff: line.amount.toString(), currency: line.debit.currency, document: line.debit.document, reasonCode, writeOffId: id, entryId },
    });
    entryIds.push(entryId);
  }
  return entryIds;
}

export async function requestWriteOff(trx: Trx, customerId: string, command: WriteOffCommand, ctx: ActionContext): Promise<WriteOffRecord> {
  const debits = await lockedItems(trx, customerId, command.items.map((i) => i.transactionId), ctx.today, 'items');
  checkItemVersions(debits, command.versions);
  const { totalAccounting } = planWriteOff(command.items, debits);
  // The limit as it is now, not as it was when the agent signed in.
  const agent = await trx.selectFrom('agents').select(['role', 'write_off_limit']).where('id', '=', ctx.agentId).executeTakeFirstOrThrow();
  const decision = writeOffDecision(totalAccounting, { role: agent.role, writeOffLimit: agent.write_off_limit });
  const row = await trx
    .insertInto('write_off_requests')
    .values({
      customer_id: customerId, requested_by: ctx.agentId, status: decision === 'post' ? 'posted' : 'pending', reason_code: command.reasonCode,
      note: command.note, items: JSON.stringify(command.items.map((i) => ({ transactionId: i.transactionId, amount: i.amount.toString() }))), total_accounting: totalAccounting,
      ...(decision === 'post' ? { decided_by: ctx.agentId, decided_at: new Date() } : {}),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  if (decision === 'approve') {
    for (const item of command.items) {
      await recordAudit(trx, { actor: ctx.agentId, action: 'transaction.write_off_requested', entity: 'ledger_entry', entityId: item.transactionId, after: { amount: item.amount.toString(), reasonCode: command.reasonCode, writeOffId: row.id, totalAccounting: totalAccounting.toString() } });
    }
    return record(row);
  }
  return setEntries(trx, row.id, await postWriteOff(trx, customerId, command.items, debits, row.id, command.reasonCode, ctx));
}

async function setEntries(trx: Trx, id: string, entryIds: string[]): Promise<WriteOffRecord> {
  const { items } = await trx.selectFrom('write_off_requests').select('items').where('id', '=', id).executeTakeFirstOrThrow();
  const row = await trx
    .updateTable('write_off_requests')
    .set({ items: JSON.stringify(items.map((item, i) => ({ ...item, entryId: entryIds[i] }))) })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return record(row);
}

/** A manager's decision on a pending request: approving posts it against what is open now. */
export async function decideWriteOff(trx: Trx, id: string, approve: boolean, ctx: ActionContext & { note: string | null }): Promise<WriteOffRecord> {
  const row = isUuid(id) ? await trx.selectFrom('write_off_requests').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (!row) throw notFound('write_off_not_found', `No write-off ${id}.`, { id });
  if (row.status !== 'pending') throw conflict('write_off_decided', `The write-off was already ${row.status}.`, { id, status: row.status });
  await trx.updateTable('write_off_requests').set({ status: approve ? 'posted' : 'rejected', decided_by: ctx.agentId, decided_at: new Date() }).where('id', '=', id).execute();
  const items = record(row).items;
  if (approve) {
    const debits = await lockedItems(trx, row.customer_id, items.map((i) => i.transactionId), ctx.today, 'items');
    return setEntries(trx, id, await postWriteOff(trx, row.customer_id, items, debits, id, row.reason_code, ctx));
  }
  for (const item of items) {
    await recordAudit(trx, { actor: ctx.agentId, action: 'transaction.write_off_rejected', entity: 'ledger_entry', entityId: item.transactionId, after: { writeOffId: id, note: ctx.note } });
  }
  return { ...record(row), status: 'rejected', decidedBy: ctx.agentId };
}

export async function listWriteOffs(db: Kysely<Database>, status: WriteOffStatus | undefined, customerId?: string): Promise<WriteOffRecord[]> {
  let query = db.selectFrom('write_off_requests').select(COLUMNS);
  if (status) query = query.where('status', '=', status);
  if (customerId) query = query.where('customer_id', '=', customerId);
  return (await query.orderBy('created_at', 'desc').limit(200).execute()).map(record);
}
