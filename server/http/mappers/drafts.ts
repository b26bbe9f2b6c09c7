// Proposals as POST /api/customers/:id/drafts answers them: amounts as JSON minor units.
import type { Proposal } from '../../domain/drafts/types';
import { toJsonMinor } from '../../domain/money';
import type { DraftProposal, DraftsResponse } from '../schemas/drafts';

function proposalJson(p: Proposal): DraftProposal {
  const { items, amount, ...rest } = p.fields;
  return {
    kind: p.kind,
    confidence: p.confidence,
    fields: {
      ...rest,
      ...(items ? { items: items.map((i) => ({ transactionId: i.transactionId, amount: toJsonMinor(i.amount), currency: i.currency })) } : {}),
      ...(amount !== undefined ? { amount: toJsonMinor(amount) } : {}),
    },
    evidence: p.evidence,
    assumptions: p.assumptions,
  };
}

export function draftsJson(proposals: Proposal[]): DraftsResponse {
  return { proposals: proposals.map(proposalJson) };
}
