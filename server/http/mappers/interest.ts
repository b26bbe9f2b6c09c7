// Interest at the JSON edge: codes, proposals and stored notes into JSON (bigint minor units to
// integers), and the requests into domain drafts.
import type { StoredInterestNote } from '../../db/repositories/interest';
import type { AgentLimit, TransactionSettlement } from '../../db/repositories/manager-controls';
import type { CustomerInterestProposal, InterestCode, InterestCodeDraft, InterestLine } from '../../domain/interest';
import { toJsonMinor } from '../../domain/money';
import type {
  AgentJson, InterestCodeJson, InterestNoteJson, InterestProposalsResponse, NewInterestCodeRequest, TransactionSettlementsResponse, UpdateInterestCodeRequest,
} from '../schemas/interest';

export function interestCodeJson(c: InterestCode): InterestCodeJson {
  return {
    code: c.code, description: c.description, rateBp: c.rateBp, period: c.period, graceDays: c.graceDays, minimum: toJsonMinor(c.minimum.minor),
    currency: c.minimum.currency, active: c.active, isDefault: c.isDefault, version: c.version,
  };
}

export function newInterestCodeDraft(body: NewInterestCodeRequest): InterestCodeDraft {
  return {
    code: body.code, description: body.description, rateBp: body.rateBp, period: body.period, graceDays: body.graceDays ?? 0,
    minimum: { minor: BigInt(body.minimum ?? 0), currency: body.currency }, active: body.active ?? true, isDefault: body.isDefault ?? false,
  };
}

/** The code as it will be after the patch. */
export function patchedInterestCode(current: InterestCode, body: UpdateInterestCodeRequest): InterestCodeDraft {
  return {
    code: current.code, description: body.description ?? current.description, rateBp: body.rateBp ?? current.rateBp, period: body.period ?? current.period,
    graceDays: body.graceDays ?? current.graceDays,
    minimum: { minor: body.minimum === undefined ? current.minimum.minor : BigInt(body.minimum), currency: body.currency ?? current.minimum.currency },
    active: body.active ?? current.active, isDefault: body.isDefault ?? current.isDefault,
  };
}

type LineLike = Pick<InterestLine, 'entryId' | 'document' | 'dueDate' | 'from' | 'to' | 'days' | 'base' | 'interest'> & { rateBp: number; period: InterestLine['period'] };

function lineJson(l: LineLike) {
  return { transactionId: l.entryId, document: l.document, dueDate: l.dueDate, from: l.from, to: l.to, days: l.days, rateBp: l.rateBp, period: l.period, base: toJsonMinor(l.base), interest: toJsonMinor(l.interest) };
}

export function proposalJson(customer: { id: string; account: string; name: string }, p: CustomerInterestProposal): InterestProposalsResponse['items'][number] {
  return {
    customer: { id: customer.id, account: customer.account, name: customer.name },
    code: p.code?.code ?? null,
    notes: p.notes.map((n) => ({ currency: n.currency, total: toJsonMinor(n.total), totalAccounting: toJsonMinor(n.totalAccounting), lines: n.lines.map(lineJson) })),
    skipped: p.skipped.map((s) => ({ transactionId: s.entryId, document: s.document, reason: s.reason })),
  };
}

export function interestNoteJson(n: StoredInterestNote): InterestNoteJson {
  const base = `/api/interest/notes/${n.id}`;
  return {
    id: n.id, number: n.number, customerId: n.customerId, asOf: n.asOf, currency: n.currency, interestCode: n.interestCode, rateBp: n.rateBp, period: n.period,
    total: toJsonMinor(n.total), totalAccounting: toJsonMinor(n.totalAccounting), entryId: n.entryId, subject: n.subject, createdBy: n.createdBy,
    createdAt: n.createdAt.toISOString(), lines: n.lines.map((l) => lineJson({ ...l, rateBp: n.rateBp, period: n.period })), pdfUrl: `${base}.pdf`, htmlUrl: `${base}.html`,
  };
}

export function agentJson(a: AgentLimit): AgentJson {
  return { ...a, writeOffLimit: a.writeOffLimit === null ? null : toJsonMinor(a.writeOffLimit) };
}

export function transactionSettlementJson(s: TransactionSettlement): TransactionSettlementsResponse['items'][number] {
  return { ...s, amount: toJsonMinor(s.amount) };
}
