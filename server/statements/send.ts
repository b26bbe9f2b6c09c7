// Sends a statement once: number, stored HTML and PDF exactly as sent, audit event, and (Graph
// delivery) its queued mail, in one transaction under a per-customer lock. A repeated request with
// the same Idempotency-Key returns the statement it sent.
import type { Kysely, Transaction } from 'kysely';
import type { Agent } from '../auth/agents';
import { recordAudit } from '../db/repositories/audit';
import {
  enqueueStatementMail, findStatementByRequestKey, insertStatement, lockCustomerStatements, nextStatementNumber,
} from '../db/repositories/statements';
import type { Database } from '../db/schema';
import { customerNotFound, unprocessable } from '../domain/errors';
import type { StatementDelivery } from '../domain/statements';
import { sendMailBody } from '../letters/mail';
import { keyReused } from '../letters/post';
import { letterRecipient } from '../letters/store/proposal-inputs';
import { composeStatement, statedTotals, type StatementOptions } from './compose';
import { renderStatement } from './render';

export interface SendStatementOptions extends StatementOptions {
  delivery: StatementDelivery;
  agent: Agent;
  /** Overrides the customer's billing contact. */
  to?: string;
  requestKey?: string;
}

export function formatStatementNumber(n: bigint): string {
  return `ST-${n.toString().padStart(6, '0')}`;
}

export async function sendStatement(db: Kysely<Database>, opts: SendStatementOptions): Promise<{ statementId: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    await lockCustomerStatements(trx, opts.customerId);
    if (opts.requestKey) {
      const replay = await findStatementByRequestKey(trx, opts.requestKey);
      if (replay) {
        const same = replay.customerId === opts.customerId && replay.kind === opts.kind && replay.asOf === opts.asOf
          && replay.from === opts.from && replay.delivery === opts.delivery;
        if (!same) throw keyReused();
        return { statementId: replay.id, created: false };
      }
    }
    return { statementId: await writeStatement(trx, opts), created: true };
  });
}

async function writeStatement(trx: Transaction<Database>, opts: SendStatementOptions): Promise<string> {
  const composed = await composeStatement(trx, opts);
  if (!composed) throw customerNotFound(opts.customerId);
  const { customer, statement, language } = composed;
  const recipient = opts.to ? { email: opts.to, name: null } : opts.delivery === 'graph' ? await letterRecipient(trx, customer.id) : null;
  if (opts.delivery === 'graph' && !recipient) {
    throw unprocessable('no_recipient', `Customer ${customer.account} has no contact to send the statement to: add one or give 'to'.`, { field: 'to' });
  }
  const number = formatStatementNumber(await nextStatementNumber(trx));
  const rendered = await renderStatement(composed.input(number));
  const totals = statedTotals(statement);
  const statementId = await insertStatement(trx, {
    customerId: customer.id, kind: opts.kind, asOf: opts.asOf, from: opts.from, delivery: opts.delivery,
    number, language, recipient: recipient?.email ?? null, ...rendered, totals,
    requestKey: opts.requestKey ?? null, createdBy: opts.agent.id,
  });
  await recordAudit(trx, {
    actor: opts.agent.id,
    action: 'statement.sent',
    entity: 'statement',
    entityId: statementId,
    before: null,
    after: {
      number, customerId: customer.id, kind: opts.kind, asOf: opts.asOf, from: opts.from, delivery: opts.delivery,
      recipient: recipient?.email ?? null, totals: totals.map((t) => ({ currency: t.currency, open: t.open.toString() })),
    },
  });
  if (recipient && opts.delivery === 'graph') {
    const body = sendMailBody({ number, subject: rendered.subject, html: rendered.html, pdf: rendered.pdf, to: recipient });
    await enqueueStatementMail(trx, statementId, opts.agent.id, body);
  }
  return statementId;
}
