// The hold dialog's rules and the grid's order and dates: a reason is required, an until date not
// before today, the effect says what will be held; entries without a due date sort last; the hold
// badge's tooltip names the reason and the date.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TransactionItem } from '../../../../server/http/schemas/transactions';
import type { ApiClient } from '../../../../addin/api/client';
import { compareDue, holdTitle } from '../../../../addin/features/transactions/columns';
import { HoldDialog } from '../../../../addin/features/transactions/HoldDialog';
import { buildHold } from '../../../../addin/features/transactions/holds';

const item = (document: string, dueDate: string | null, postingDate = '2026-01-05'): TransactionItem => ({
  id: document, kind: dueDate ? 'invoice' : 'payment', document, postingDate, dueDate, currency: 'USD', amount: 1000, open: 1000, openAccounting: 1000,
  daysOverdue: 0, collectionStatus: 'none', statusDate: null, promiseDate: null, promiseAmount: null, disputeReason: null, version: 1, statusSetBy: null, hold: null,
});

describe('the transactions grid', () => {
  it('sorts by due date with entries without one after every entry with one', () => {
    const rows = [item('PAY-1', null, '2026-01-01'), item('INV-2', '2026-03-01'), item('INV-1', '2026-02-01'), item('PAY-0', null, '2025-12-01')];
    expect([...rows].sort(compareDue).map((r) => r.document)).toEqual(['INV-1', 'INV-2', 'PAY-0', 'PAY-1']);
  });

  it('says the reason and the until date of a hold in the pane’s date format', () => {
    expect(holdTitle({ id: 'h', reason: 'Credit note pending', until: '2026-03-05' }, 'en-US')).toBe('On hold: Credit note pending · until Mar 5, 2026');
    expect(holdTitle({ id: 'h', reason: 'Insolvency', until: null }, 'en-US')).toBe('On hold: Insolvency · until lifted');
  });
});

describe('putting on hold', () => {
  it('needs a reason and an until date not before today', () => {
    expect(buildHold({ reason: ' ', until: '' }, [], 'Contoso', '2026-03-01', 'en-US')).toMatchObject({ ok: false, errors: { reason: expect.any(String) } });
    expect(buildHold({ reason: 'x', until: '2026-02-28' }, [], 'Contoso', '2026-03-01', 'en-US')).toMatchObject({ ok: false, errors: { until: expect.any(String) } });
  });

  it('shows the effect per transaction, or for the whole customer', () => {
    const one = buildHold({ reason: 'Credit note pending', until: '2026-03-05' }, [item('INV-1', '2026-02-01')], 'Contoso', '2026-03-01', 'en-US');
    expect(one.ok && one.effect[0]).toBe('INV-1: on hold until Mar 5, 2026');
    const all = buildHold({ reason: 'Insolvency', until: '' }, [], 'Contoso', '2026-03-01', 'en-US');
    expect(all.ok && all.effect[0]).toBe('Contoso: on hold until lifted');
  });

  it('sends the selected transactions with the reason once the agent confirms', async () => {
    const putOnHold = vi.fn(async () => ({ items: [] }));
    const onDone = vi.fn();
    render(<HoldDialog mode="put" api={{ putOnHold } as unknown as ApiClient} customerId="c1" customerName="Contoso" items={[item('INV-1', '2026-02-01')]} onClose={() => undefined} onDone={onDone} />);
    const confirm = screen.getByRole('button', { name: 'Put on hold' });
    expect(confirm).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), 'Credit note pending');
    expect(screen.getByRole('region', { name: 'Effect' }).textContent).toContain('INV-1: on hold until lifted');
    await userEvent.click(confirm);
    expect(putOnHold).toHaveBeenCalledWith('c1', { transactionIds: ['INV-1'], reason: 'Credit note pending', until: null }, expect.any(String));
    expect(onDone).toHaveBeenCalled();
  });
});
