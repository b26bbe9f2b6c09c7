// The pane's manager controls from the Transactions tab's Actions menu: review and post interest for
// the customer, settle a payment against debits chosen by hand, reverse a settlement made here,
// and reprint an interest note from its row.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../../addin/App';
import type { ApiClient } from '../../../../addin/api/client';
import { buildPairs, proposePairs } from '../../../../addin/features/settlements/pairs';
import { parseRate } from '../../../../addin/features/interest/words';
import type { DocumentsResponse } from '../../../../server/http/schemas/actions';
import type { InterestNotesResponse, InterestProposalsResponse, TransactionSettlementsResponse } from '../../../../server/http/schemas/interest';
import type { ReverseResponse, SettleResponse } from '../../../../server/http/schemas/money-actions';
import { email, fakeApi, FakeHost, summary, tx, type World } from '../../support/fakes';

const inv1 = tx('INV-1', { id: 'a', open: 90_000, version: 3, dueDate: '2025-05-01' });
const inv2 = tx('INV-2', { id: 'b', open: 500, amount: 20_000, version: 1, dueDate: '2025-06-01' });
const pay = tx('PAY-1', { id: 'p', kind: 'payment', dueDate: null, amount: -5_000, open: -5_000, daysOverdue: 0, version: 2 });

const world = (): World => ({
  lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] },
  summaries: { '1': summary('1', 'Contoso Retail Ltd') },
  transactions: { '1': [inv1, inv2, pay] },
});

const proposal: InterestProposalsResponse = {
  asOf: '2025-06-30',
  accountingCurrency: 'USD',
  items: [{
    customer: { id: '1', account: 'C-1', name: 'Contoso Retail Ltd' },
    code: 'STD',
    notes: [{
      currency: 'USD', total: 1_350, totalAccounting: 1_350,
      lines: [{ transactionId: 'a', document: 'INV-1', dueDate: '2025-05-01', from: '2025-05-02', to: '2025-06-30', days: 60, rateBp: 75, period: 'month', base: 90_000, interest: 1_350 }],
    }],
    skipped: [{ transactionId: 'b', document: 'INV-2', reason: 'held' }],
  }],
};

const note = { id: 'n1', number: 'IN-000001', customerId: '1', asOf: '2025-06-30', currency: 'USD', interestCode: 'STD', rateBp: 75, period: 'month', total: 1_350, totalAccounting: 1_350, entryId: 'e1', subject: 'Interest note IN-000001', createdBy: 'x', createdAt: '2025-06-30T10:00:00Z', lines: proposal.items[0]!.notes[0]!.lines, pdfUrl: '/api/interest/notes/n1.pdf', htmlUrl: '/api/interest/notes/n1.html' } as const;

async function openTab() {
  const api = {
    ...fakeApi(world()),
    interestProposals: vi.fn(async (..._a: Parameters<ApiClient['interestProposals']>): Promise<InterestProposalsResponse> => proposal),
    postInterestNotes: vi.fn(async (..._a: Parameters<ApiClient['postInterestNotes']>): Promise<InterestNotesResponse> => ({ items: [note] })),
    settle: vi.fn(async (..._a: Parameters<ApiClient['settle']>): Promise<SettleResponse> => ({ items: [] })),
    transactionSettlements: vi.fn(async (..._a: Parameters<ApiClient['transactionSettlements']>): Promise<TransactionSettlementsResponse> => ({
      items: [
        { id: 's1', debitId: 'a', debitDocument: 'INV-1', creditId: 'p', creditDocument: 'PAY-1', currency: 'USD', amount: 2_000, date: '2025-06-10', reversible: true },
        { id: 's0', debitId: 'a', debitDocument: 'INV-1', creditId: 'q', creditDocument: 'PAY-0', currency: 'USD', amount: 8_000, date: '2025-05-10', reversible: false },
      ],
    })),
    reverseSettlement: vi.fn(async (..._a: Parameters<ApiClient['reverseSettlement']>): Promise<ReverseResponse> => ({ reversal: { id: 's2', debitId: 'a', creditId: 'p', amount: -2_000, date: '2025-06-30' } })),
    transactionDocuments: vi.fn(async (..._a: Parameters<ApiClient['transactionDocuments']>): Promise<DocumentsResponse> => ({
      items: [{ id: 'n1', kind: 'interest_note', number: 'IN-000001', date: '2025-06-30', title: 'Interest note', pdfUrl: '/api/interest/notes/n1.pdf', htmlUrl: '/api/interest/notes/n1.html' }],
    })),
    letterPdfBase64: vi.fn(async (..._a: Parameters<ApiClient['letterPdfBase64']>): Promise<string> => btoa('%PDF-1.3')),
  } satisfies ApiClient;
  render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
  await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
  await userEvent.click(screen.getByRole('tab', { name: 'Transactions' }));
  await screen.findByRole('grid', { name: 'Transactions' });
  return api;
}

async function menu(item: string) {
  await userEvent.click(screen.getByRole('button', { name: /^Actions/ }));
  await userEvent.click(screen.getByRole('menuitem', { name: item }));
}

describe('interest from the Transactions tab', () => {
  it('shows the interest due with what is left out and why, and posts the reviewed note once', async () => {
    const api = await openTab();
    await menu('Interest…');
    const dialog = await screen.findByRole('dialog', { name: 'Interest' });
    await within(dialog).findByText('INV-1');
    expect(within(dialog).getByRole('region', { name: 'Left out' }).textContent).toContain('INV-2: on hold');
    expect(within(dialog).getByRole('region', { name: 'Interest in USD' }).textContent).toContain('$13.50');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Post note' }));
    await within(dialog).findByText(/Posted IN-000001/);
    expect(api.postInterestNotes).toHaveBeenCalledTimes(1);
    const [body, key] = api.postInterestNotes.mock.calls[0]!;
    expect(body).toEqual({ asOf: '2025-06-30', customerIds: ['1'], expected: [{ customerId: '1', currency: 'USD', total: 1_350 }] });
    expect(key).toMatch(/[0-9a-f-]{36}/);
  });

  it('reprints an interest note from its row, fetched with sign-in', async () => {
    const api = await openTab();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    globalThis.URL.createObjectURL ??= () => 'blob:x';
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1' }));
    await menu('Reprint…');
    const dialog = await screen.findByRole('dialog', { name: 'Reprint' });
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Open IN-000001' }));
    expect(api.letterPdfBase64).toHaveBeenCalledWith('/api/interest/notes/n1.pdf');
    expect(open).toHaveBeenCalled();
    open.mockRestore();
  });
});

describe('settling by pairs and reversing', () => {
  it('sets a payment against a debit chosen by hand, showing the effect first', async () => {
    const api = await openTab();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select PAY-1' }));
    await menu('Settle by pairs…');
    const dialog = await screen.findByRole('dialog', { name: 'Settle by pairs' });
    // Proposed oldest first: INV-1 (due 1 May) takes the whole 50.00.
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Debit' }), 'b');
    const amount = within(dialog).getByRole('textbox', { name: 'Amount of PAY-1 pair' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '5.00');
    expect(within(dialog).getByRole('region', { name: 'Effect' }).textContent).toContain('PAY-1 settles $5.00 of INV-2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(api.settle).toHaveBeenCalledWith('1', { pairs: [{ debitId: 'b', creditId: 'p', amount: 500 }], versions: { p: 2, b: 1 } }, expect.any(String));
  });

  it('reverses only a settlement made here, as of the chosen date', async () => {
    const api = await openTab();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1' }));
    await menu('Reverse a settlement…');
    const dialog = await screen.findByRole('dialog', { name: 'Reverse a settlement' });
    const radios = await within(dialog).findAllByRole('radio');
    expect((radios[1] as HTMLInputElement).disabled).toBe(true);
    await userEvent.click(radios[0]!);
    const date = within(dialog).getByLabelText(/Reverse as of/);
    await userEvent.clear(date);
    await userEvent.type(date, '2025-06-20');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reverse' }));
    expect(api.reverseSettlement).toHaveBeenCalledWith('s1', '2025-06-20', expect.any(String));
  });

  it('refuses pairs over what is open of the credit or the debit', () => {
    const rows = proposePairs([pay], [inv1, inv2], 'en-US');
    expect(rows).toEqual([{ key: 'p:a', creditId: 'p', debitId: 'a', amount: '50.00' }]);
    const over = buildPairs([{ ...rows[0]!, amount: '50.01' }], [pay], [inv1, inv2], 'en-US');
    expect(over).toEqual({ ok: false, errors: { 'p:a': 'More than is open of PAY-1 ($50.00).' } });
    const twice = buildPairs([{ key: '1', creditId: 'p', debitId: 'b', amount: '4' }, { key: '2', creditId: 'p', debitId: 'b', amount: '1.01' }], [pay], [inv1, inv2], 'en-US');
    expect(twice).toEqual({ ok: false, errors: { '2': 'More than is open of INV-2 ($5.00).' } });
  });

  it('reads a rate typed in per cent as basis points', () => {
    expect([parseRate('1.5'), parseRate('8'), parseRate('0,75 %'), parseRate('1.555'), parseRate('x')]).toEqual([150, 800, 75, null, null]);
  });
});
