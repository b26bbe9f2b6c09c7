// The card's summary line, the dialog's prefilled form and the "why" snippets of a proposal.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../../addin/api/client';
import { activityForm, proposalTitle, whySegments, type OfferedProposal } from '../../../../addin/features/mentions/proposal';
import { tx } from '../../support/fakes';

const byId = new Map([tx('INV-1042', { id: 'a' }), tx('INV-1043', { id: 'b' })].map((t) => [t.id, t]));
const proposal = (over: Partial<OfferedProposal>): OfferedProposal => ({ kind: 'promise_to_pay', confidence: 1, fields: {}, evidence: [], assumptions: [], ...over });

describe('proposalTitle', () => {
  it('says each kind in one line', () => {
    const items = [{ transactionId: 'a', amount: 125000, currency: 'USD' }, { transactionId: 'b', amount: 60000, currency: 'USD' }];
    expect(proposalTitle(proposal({ fields: { date: '2026-12-15', items } }), byId, 'en-US')).toBe('Promise to pay INV-1042 and INV-1043, $1,850.00 on Dec 15');
    expect(proposalTitle(proposal({ kind: 'dispute', fields: { reasonCode: 'price', transactionIds: ['a'] } }), byId, 'en-US')).toBe('Dispute INV-1042 (price)');
    expect(proposalTitle(proposal({ kind: 'payment_claim', fields: { transactionIds: ['b'], amount: 60000, currency: 'USD', date: '2026-11-27' } }), byId, 'en-US')).toBe('Says it paid INV-1043 $600.00 on Nov 27');
    expect(proposalTitle(proposal({ kind: 'copy_request', fields: { transactionIds: [], statement: true } }), byId, 'en-US')).toBe('Asks for a statement of account');
    expect(proposalTitle(proposal({ kind: 'contact_change', fields: { email: 'ap@x.example' } }), byId, 'en-US')).toBe('New contact ap@x.example');
  });
});

describe('activityForm', () => {
  it("maps a reason the dialog lists under another code, and says so in the notes", () => {
    expect(activityForm(proposal({ kind: 'dispute', fields: { reasonCode: 'not_received', transactionIds: ['a'] } }), 'en-US')).toEqual({
      outcome: 'dispute', disputeReason: 'quantity', disputed: ['a'], notes: 'The customer says: not received.', purpose: 'Dispute by email',
    });
  });
});

describe('whySegments', () => {
  it('marks the evidence in its context and cuts long text with ellipses', () => {
    const body = `${'x'.repeat(100)} we will pay INV-1042 on the 15th. ${'y'.repeat(100)}`;
    const at = (text: string) => ({ part: 'body' as const, field: 'f', start: body.indexOf(text), end: body.indexOf(text) + text.length, text });
    const segments = whySegments([at('we will pay'), at('on the 15th')], 'Subject', body);
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['we will pay', 'on the 15th']);
    expect(segments[0]!.text.startsWith('…')).toBe(true);
    expect(segments[segments.length - 1]!.text.endsWith('…')).toBe(true);
    expect(segments.map((s) => s.text).join('')).toContain('we will pay INV-1042 on the 15th');
  });

  it('skips evidence that does not match the text it points at', () => {
    expect(whySegments([{ part: 'body', field: 'f', start: 0, end: 3, text: 'abc' }], 'S', 'xyz')).toEqual([]);
  });
});

describe('the drafts call', () => {
  it('posts the email to the customer', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify({ proposals: [] }), { status: 200 }));
    const api = createApiClient({ baseUrl: '', fetch });
    await api.drafts('c 1', { subject: 's', body: 'b', receivedAt: '2026-12-04T09:30:00Z' });
    expect(fetch.mock.calls[0]![0]).toBe('/api/customers/c%201/drafts');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'POST', body: JSON.stringify({ subject: 's', body: 'b', receivedAt: '2026-12-04T09:30:00Z' }) });
  });
});
