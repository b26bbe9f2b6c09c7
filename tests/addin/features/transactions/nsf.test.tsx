// The NSF dialog: the fee configured in the payment's currency is offered and ticked by default,
// shown in the effect before anything is saved and sent as chargeFee; unticked, or with no fee in
// that currency, only the return is posted. A failed send is retried under the same key.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../addin/api/client';
import { ActionDialog } from '../../../../addin/features/transactions/ActionDialog';
import type { NsfResponse } from '../../../../server/http/schemas/money-actions';
import type { TransactionItem } from '../../../../server/http/schemas/transactions';
import { tx } from '../../support/fakes';

const payment = (over: Partial<TransactionItem>) =>
  tx('PAY-7', { id: 'p7', kind: 'payment', dueDate: null, amount: -40_000, open: 0, daysOverdue: 0, version: 4, ...over });

function openDialog(item: TransactionItem) {
  const nsf = vi.fn(async (..._a: Parameters<ApiClient['nsf']>): Promise<NsfResponse> => ({ reversalId: 'r1', settlements: [], feeId: null }));
  const onDone = vi.fn();
  render(<ActionDialog api={{ nsf } as unknown as ApiClient} customerId="c1" kind="nsf" items={[item]} onClose={() => undefined} onDone={onDone} />);
  const dialog = screen.getByRole('dialog', { name: 'NSF payment' });
  const date = within(dialog).getByLabelText(/Returned on/) as HTMLInputElement;
  return { nsf, onDone, dialog, date };
}

describe('returning a payment unpaid (NSF)', () => {
  it('offers the fee of the payment’s currency, ticked, shows it in the effect and charges it', async () => {
    const { nsf, onDone, dialog, date } = openDialog(payment({ nsfFee: 2_500 }));
    const fee = within(dialog).getByRole('checkbox', { name: 'Charge the NSF fee ($25.00)' }) as HTMLInputElement;
    expect(fee.checked).toBe(true);
    const effect = within(dialog).getByRole('region', { name: 'Effect' });
    expect(effect.textContent).toContain('PAY-7: returned unpaid on');
    expect(effect.textContent).toContain(`NSF fee of $25.00 charged on ${date.value}`);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(nsf).toHaveBeenCalledWith('p7', { date: date.value, version: 4, note: null, chargeFee: true }, expect.any(String));
    expect(onDone).toHaveBeenCalled();
  });

  it('posts only the return when the agent unticks the fee', async () => {
    const { nsf, dialog } = openDialog(payment({ nsfFee: 2_500 }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Charge the NSF fee/ }));
    expect(within(dialog).getByRole('region', { name: 'Effect' }).textContent).not.toContain('NSF fee');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(nsf.mock.calls[0]![1]).toMatchObject({ chargeFee: false });
  });

  it('says no fee is configured in a currency without one, and charges none', async () => {
    const { nsf, dialog } = openDialog(payment({ currency: 'EUR', nsfFee: null }));
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(within(dialog).getByText('No NSF fee is configured in EUR.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(nsf.mock.calls[0]![1]).toMatchObject({ chargeFee: false });
  });

  it('shows a failure with Retry, which resends under the same Idempotency-Key until the form changes', async () => {
    const { nsf, onDone, dialog } = openDialog(payment({ nsfFee: 2_500 }));
    nsf.mockRejectedValueOnce(new Error('The server did not answer.')).mockRejectedValueOnce(new Error('Still no answer.'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('The server did not answer.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    await within(dialog).findByText('Still no answer.');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Charge the NSF fee/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(onDone).toHaveBeenCalledTimes(1);
    const keys = nsf.mock.calls.map((c) => c[2]);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
