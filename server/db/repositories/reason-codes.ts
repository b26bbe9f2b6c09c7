// The managed lists of reason codes (disputes, write-offs): read by the actions that name one,
// added to and retired by managers, each change audited.
import type { Kysely } from 'kysely';
import { checkNewReasonCode, type ReasonCode, type ReasonCodeKind } from '../../domain/actions/reason-codes';
import { conflict, notFound } from '../../domain/errors';
import type { Database } from '../schema';
import { recordAudit } from './audit';

export async function listReasonCodes(db: Kysely<Database>, kind?: ReasonCodeKind): Promise<ReasonCode[]> {
  let query = db.selectFrom('collection_reason_codes').select(['kind', 'code', 'label', 'active']);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('kind').orderBy('created_at').orderBy('code').execute();
}

export async function addReasonCode(db: Kysely<Database>, code: Omit<ReasonCode, 'active'>, actor: string): Promise<ReasonCode> {
  checkNewReasonCode(code.code, code.label);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('collection_reason_codes')
      .values({ kind: code.kind, code: code.code, label: code.label.trim() })
      .onConflict((oc) => oc.doNothing())
      .returning(['kind', 'code', 'label', 'active'])
      .executeTakeFirst();
    if (!row) throw conflict('reason_code_exists', `Field 'code': the ${code.kind} reason code '${code.code}' already exists.`, { field: 'code' });
    await recordAudit(trx, { actor, action: 'reason_code.add', entity: 'reason_code', entityId: `${code.kind}:${code.code}`, after: row });
    return row;
  });
}

/** Retires or restores a code: retired codes stay on what already names them but are not offered. */
export async function setReasonCodeActive(db: Kysely<Database>, kind: ReasonCodeKind, code: string, active: boolean, actor: string): Promise<ReasonCode> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('collection_reason_codes').select(['kind', 'code', 'label', 'active']).where('kind', '=', kind).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw notFound('reason_code_not_found', `No ${kind} reason code '${code}'.`, { field: 'code' });
    const after = await trx
      .updateTable('collection_reason_codes')
      .set({ active })
      .where('kind', '=', kind)
      .where('code', '=', code)
      .returning(['kind', 'code', 'label', 'active'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'reason_code.update', entity: 'reason_code', entityId: `${kind}:${code}`, before, after });
    return after;
  });
}
