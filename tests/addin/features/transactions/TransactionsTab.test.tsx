// The Transactions tab's actions: select rows, pick an action from the menu, see its effect in the
// confirm dialog, confirm; the picture reloads. And the collections history from the same menu.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../../addin/App';
import type { ApiClient } from '../../../../addin/api/client';
import type { ChangeStatusResponse, DocumentsResponse, HistoryResponse, ReasonCodesResponse } from '../../../../server/http/schemas/actions';
import type { LetterPdfLinkResponse } from '../../../../server/http/schemas/letters';
import type { WriteOffJson, WriteOffsResponse } from '../../../../server/http/schemas/money-actions';
import { localDate } from '../../../../addin/features/activities/form';
import { allowedActions } from '../../../../addin/features/transactions/actions';
import { email, fakeApi, FakeHost, summary, tx, type World } from '../../support/fakes';

const world = (): World => ({
  lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] },
  summaries: { '1': summary('1', 'Contoso Retail Ltd') },
  transactions: {
    '1': [
      tx('INV-1', { id: 'a', open: 90000, version: 3 }),
      tx('INV-2', { id: 'b', dueDate: '2025-06-01', open: 500, amount: 20000, version: 1, collectionStatus: 'promise_to_pay', statusDate: '2025-06-02', statusSetBy: 'Dana Agent' }),
      tx('PAY-1', { id: 'p', kind: 'payment', dueDate: null, amount: -5000, open: -5000, daysOverdue: 0 }),
    ],
  },
});

const pending: WriteOffJson = {
  id: 'w1', customerId: '1', status: 'pending', reasonCode: 'bad_debt', note: null, items: [{ transactionId: 'a', amount: 90000 }],
  totalAccounting: 90000, requestedBy: 'x', decidedBy: null, entryIds: [],
};

async function openTab(waiting: WriteOffJson[] = []) {
  // The fake's action calls answer nothing by default; these answer as the server would.
  const api = {
    ...fakeApi(world()),
    pendingWriteOffs: vi.fn(async (..._args: Parameters<ApiClient['pendingWriteOffs']>): Promise<WriteOffsResponse> => ({ items: waiting })),
    transactionDocuments: vi.fn(async (..._args: Parameters<ApiClient['transactionDocuments']>): Promise<DocumentsResponse> => ({
      items: [{ id: 'l1', kind: 'collection_letter', number: 'CL-7', date: '2025-05-20', title: 'Reminder', pdfUrl: '/api/letters/l1.pdf', htmlUrl: '/api/letters/l1.html' }],
    })),
    letterPdfLink: vi.fn(async (..._args: Parameters<ApiClient['letterPdfLink']>): Promise<LetterPdfLinkResponse> => ({ url: '/api/letters/l1.pdf?t=x', expiresAt: '2025-06-30T00:00:00Z' })),
    decideWriteOff: vi.fn(async (..._args: Parameters<ApiClient['decideWriteOff']>): Promise<WriteOffJson> => ({ ...pending, status: 'posted' })),
    changeStatus: vi.fn(async (..._args: Parameters<ApiClient['changeStatus']>): Promise<ChangeStatusResponse> => ({ items: [] })),
    writeOff: vi.fn(async (..._args: Parameters<ApiClient['writeOff']>) => ({}) as WriteOffJson),
    reasonCodes: vi.fn(async (): Promise<ReasonCodesResponse> => ({ items: [{ kind: 'write_off', code: 'small_balance', label: 'Small balance', active: true }] })),
    history: vi.fn(async (..._args: Parameters<ApiClient['history']>): Promise<HistoryResponse> => ({
      items: [{ id: '9', at: '2025-06-02T10:00:00Z', actor: 'x', actorName: 'Dana Agent', action: 'transaction.promise_to_pay', transactionId: 'b', before: null, after: { document: 'INV-2', promiseDate: '2025-06-20' } }],
    })),
  } satisfies ApiClient;
  render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
  await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
  await userEvent.click(screen.getByRole('tab', { name: 'Transactions' }));
  await screen.findByRole('grid', { name: 'Transactions' });
  return api;
}

describe('actions the selection allows', () => {
  it('status and write-off on open debits, settle on credits, NSF on one payment', () => {
    const [inv, , pay] = world().transactions['1']!;
    expect(allowedActions([inv!])).toEqual({ status: true, write_off: true, settle: false, nsf: false });
    expect(allowedActions([pay!])).toEqual({ status: false, write_off: false, settle: true, nsf: true });
    expect(allowedActions([])).toEqual({ status: false, write_off: false, settle: false, nsf: false });
  });
});

describe('Transactions tab actions', () => {
  it('shows the status with its date and who set it', async () => {
    await openTab();
    expect(screen.getByTitle('Set by Dana Agent').textContent).toContain('Dana Agent');
  });

  it('records a promise to pay on two invoices after showing its effect, then reloads', async () => {
    const api = await openTab();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (2)' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Change status…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change status' });
    const effect = within(dialog).getByRole('region', { name: 'Effect' });
    expect(effect.textContent).toContain('INV-1: promise to pay $900.00');
    expect(effect.textContent).toContain('INV-2: promise to pay $5.00');
    const calls = api.summary.mock.calls.length;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.changeStatus).toHaveBeenCalledWith(
      '1',
      expect.objectContaining({
        transactionIds: ['a', 'b'],
        versions: { a: 3, b: 1 },
        status: 'promise_to_pay',
        promise: { date: localDate(), items: [{ transactionId: 'a', amount: 90000, currency: 'USD' }, { transactionId: 'b', amount: 500, currency: 'USD' }] },
      }),
      expect.any(String),
    );
    await waitFor(() => expect(api.summary.mock.calls.length).toBeGreaterThan(calls));
  });

  it('writes off a small remainder with a reason', async () => {
    const api = await openTab();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    expect(screen.getByRole('menuitem', { name: 'Settle…' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Write off…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Write off' });
    expect((within(dialog).getByRole('button', { name: 'Confirm' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(within(dialog).getByRole('option', { name: 'Small balance' })).toBeTruthy());
    await userEvent.selectOptions(within(dialog).getByRole('combobox'), 'small_balance');
    expect(within(dialog).getByRole('region', { name: 'Effect' }).textContent).toContain('INV-2: write off $5.00, open $5.00 → $0.00');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(api.writeOff).toHaveBeenCalledWith('1', { items: [{ transactionId: 'b', amount: 500 }], reasonCode: 'small_balance', note: null, versions: { b: 1 } }, expect.any(String)));
    expect(screen.queryByText(/waits for a manager/)).toBeNull();
  });

  it('says when a write-off above the limit waits for a manager', async () => {
    const api = await openTab();
    api.writeOff.mockResolvedValueOnce(pending);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Write off…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Write off' });
    await waitFor(() => expect(within(dialog).getByRole('option', { name: 'Small balance' })).toBeTruthy());
    await userEvent.selectOptions(within(dialog).getByRole('combobox'), 'small_balance');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText(/waits for a manager’s approval/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('views the collections history of the selected transaction', async () => {
    const api = await openTab();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'View collections history' }));
    const dialog = await screen.findByRole('dialog', { name: 'Collections history' });
    expect(await within(dialog).findByText('Promise to pay')).toBeTruthy();
    expect(within(dialog).getByText(/Dana Agent · INV-2 · by 2025-06-20/)).toBeTruthy();
    expect(api.history).toHaveBeenCalledWith('1', 'b', expect.any(AbortSignal));
  });

  it('lets a manager approve a write-off waiting for approval', async () => {
    const api = await openTab([pending]);
    const waiting = await screen.findByRole('region', { name: 'Write-offs waiting for approval' });
    expect(waiting.textContent).toContain('INV-1 · $900.00 · bad_debt');
    await userEvent.click(within(waiting).getByRole('button', { name: 'Approve' }));
    expect(api.decideWriteOff).toHaveBeenCalledWith('w1', 'approve', expect.any(String));
  });

  it('reprints a letter the selected transaction appeared on, as stored', async () => {
    const api = await openTab();
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Reprint…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reprint' });
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Open CL-7' }));
    expect(api.transactionDocuments).toHaveBeenCalledWith('a', expect.any(AbortSignal));
    await waitFor(() => expect(opened).toHaveBeenCalledWith('/api/letters/l1.pdf?t=x', '_blank', 'noopener'));
    opened.mockRestore();
  });

  it('selects the focused row with Space and opens the actions with Shift+F10; the Actions button is in the Tab order', async () => {
    await openTab();
    const row = screen.getAllByRole('row').find((r) => r.textContent?.includes('INV-1'))!;
    row.focus();
    await userEvent.keyboard(' ');
    expect((screen.getByRole('checkbox', { name: 'Select INV-1' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    expect(await screen.findByRole('menuitem', { name: 'Change status…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Actions (1)' }).getAttribute('tabindex')).not.toBe('-1');
  });
});
