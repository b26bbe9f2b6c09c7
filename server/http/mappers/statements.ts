// Statements and the aging history as the API answers them: money as JSON minor units.
import type { StoredStatement } from '../../db/repositories/statements';
import type { AgingHistory } from '../../domain/aging-history';
import { toJsonMinor } from '../../domain/money';
import type { AgingHistoryResponse, StatementResponse } from '../schemas/statements';

export function statementJson(s: StoredStatement): StatementResponse {
  return {
    id: s.id,
    number: s.number,
    customerId: s.customerId,
    kind: s.kind,
    asOf: s.asOf,
    from: s.from,
    language: s.language,
    delivery: s.delivery,
    mailStatus: s.delivery === 'graph' ? (s.mailResult === 'sent' || s.mailResult === 'failed' ? s.mailResult : 'queued') : null,
    recipient: s.recipient,
    subject: s.subject,
    totals: s.totals.map((t) => ({ currency: t.currency, open: toJsonMinor(t.open) })),
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    htmlUrl: `/api/statements/${s.id}.html`,
    pdfUrl: `/api/statements/${s.id}.pdf`,
  };
}

export function agingHistoryJson(history: AgingHistory, currency: string): AgingHistoryResponse {
  return {
    asOf: history.asOf,
    currency,
    periods: history.periods.map((p) => ({ label: p.label, fromDays: p.fromDays, toDays: p.toDays })),
    points: history.points.map((p) => ({ asOf: p.asOf, amounts: p.amounts.map(toJsonMinor), balance: toJsonMinor(p.balance) })),
  };
}
