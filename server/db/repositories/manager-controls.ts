// What the pane's manager controls read and change beyond interest: the agents and their write-off
// limits (audited), and the settlements of one transaction, to reverse one made here.
import type { Kysely } from 'kysely';
import { notFound } from '../../domain/errors';
import type { AgentRole, IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';

export interface AgentLimit {
  id: string;
  email: string;
  name: string | null;
  role: AgentRole;
  writeOffLimit: bigint | null;
}

const AGENT_COLUMNS = ['id', 'email', 'name', 'role', 'write_off_limit'] as const;
const agentOf = (r: { id: string; email: string; name: string | null; role: AgentRole; write_off_limit: bigint | null }): AgentLimit => ({
  id: r.id, email: r.email, name: r.name, role: r.role, writeOffLimit: r.write_off_limit === null ? null : BigInt(r.write_off_limit),
});

export async function listAgents(db: Kysely<Database>): Promise<AgentLimit[]> {
  return (await db.selectFrom('agents').select(AGENT_COLUMNS).orderBy('email').limit(1000).execute()).map(agentOf);
}

/** Sets an agent's write-off limit (accounting-currency minor units; null: no write-off rights). */
export async function setWriteOffLimit(db: Kysely<Database>, agentId: string, limit: bigint | null, actor: string): Promise<AgentLimit> {
  return db.transaction().execute(async (trx) => {
    const row = isUuid(agentId) ? await trx.selectFrom('agents').select(AGENT_COLUMNS).where('id', '=', agentId).forUpdate().executeTakeFirst() : undefined;
    if (!row) throw notFound('agent_not_found', `No agent ${agentId}.`, { id: agentId });
    const after = await trx.updateTable('agents').set({ write_off_limit: limit }).where('id', '=', agentId).returning(AGENT_COLUMNS).executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor, action: 'agent.write_off_limit', entity: 'agent', entityId: agentId,
      before: { writeOffLimit: row.write_off_limit?.toString() ?? null }, after: { writeOffLimit: limit?.toString() ?? null },
    });
    return agentOf(after);
  });
}

export interface TransactionSettlement {
  id: string;
  debitId: string;
  debitDocument: string;
  creditId: string;
  creditDocument: string;
  currency: string;
  amount: bigint;
  date: IsoDate;
  reversible: boolean;
}

/** The positive settlements the transaction is part of, newest first; reversible when made here and not reversed. */
export async function transactionSettlements(db: Kysely<Database>, transactionId: string): Promise<TransactionSettlement[]> {
  const entry = isUuid(transactionId) ? await db.selectFrom('ledger_entries').select('id').where('id', '=', transactionId).executeTakeFirst() : undefined;
  if (!entry) throw notFound('transaction_not_found', `No transaction ${transactionId}.`, { id: transactionId });
  const rows = await db
    .selectFrom('settlements as s')
    .innerJoin('ledger_entries as d', 'd.id', 's.debit_id')
    .innerJoin('ledger_entries as c', 'c.id', 's.credit_id')
    .select(['s.id', 's.debit_id', 'd.document as debit_document', 's.credit_id', 'c.document as credit_document', 'd.currency', 's.amount', 's.settled_on', 's.created_by', 's.reversed_on'])
    .where((eb) => eb.or([eb('s.debit_id', '=', transactionId), eb('s.credit_id', '=', transactionId)]))
    .where('s.amount', '>', 0n)
    .orderBy('s.settled_on', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, debitId: r.debit_id, debitDocument: r.debit_document, creditId: r.credit_id, creditDocument: r.credit_document, currency: r.currency.trim(),
    amount: r.amount, date: r.settled_on, reversible: r.created_by !== null && r.reversed_on === null,
  }));
}
