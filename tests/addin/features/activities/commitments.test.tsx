// An activity card says what its promise or dispute recorded, and the edit dialog corrects the
// outcome, the promise's date and amount and the dispute's reason; a saved edit is confirmed.
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../addin/api/client';
import { SAVED_TOASTER_ID } from '../../../../addin/features/activities/ActionBar';
import ActivitiesTab from '../../../../addin/features/activities/ActivitiesTab';
import { EditActivityDialog } from '../../../../addin/features/activities/EditActivityDialog';
import { formatDate, formatMoney } from '../../../../addin/ui/format';
import type { Activity, UpdateActivityRequest } from '../../../../server/http/schemas/activities';
import { fakeApi } from '../../support/fakes';
import { activity, edited } from './factories';

const promised = activity({
  id: 'p1', purpose: 'Promise for two invoices', outcome: 'promise_to_pay', version: 4,
  promise: {
    date: '2026-12-12',
    totals: [{ amount: 90_000, currency: 'USD' }],
    items: [
      { transactionId: 't1', document: 'INV-1042', amount: 60_000, currency: 'USD' },
      { transactionId: 't2', document: 'INV-1043', amount: 30_000, currency: 'USD' },
    ],
  },
});
const disputed = activity({
  id: 'd1', purpose: 'Dispute on pricing', outcome: 'dispute',
  dispute: { reasonCode: 'price', reasonLabel: 'Price', items: [{ transactionId: 't3', document: 'INV-1050' }] },
});

function api(over: Partial<ApiClient> = {}): ApiClient {
  return {
    ...fakeApi({ lookups: {}, summaries: {}, transactions: {} }),
    reasonCodes: vi.fn(async () => ({ items: [
      { kind: 'dispute' as const, code: 'price', label: 'Price', active: true },
      { kind: 'dispute' as const, code: 'quantity', label: 'Quantity', active: true },
      { kind: 'dispute' as const, code: 'retired', label: 'Retired reason', active: false },
    ] })),
    ...over,
  };
}

function editDialog(a: Activity, updateActivity: ApiClient['updateActivity']) {
  const onSaved = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <EditActivityDialog api={api({ updateActivity })} activity={a} onClose={vi.fn()} onSaved={onSaved} />
    </FluentProvider>,
  );
  return onSaved;
}

describe('promise and dispute on activity cards', () => {
  it('shows the promised total, date and invoices, and the dispute reason and invoices', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ActivitiesTab api={api({ activities: vi.fn(async () => ({ items: [promised, disputed] })) })} customerId="1" asOf={undefined} refreshKey={0} onChanged={vi.fn()} />
      </FluentProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Activities' });
    const promiseCard = within(list).getByRole('listitem', { name: 'Call: Promise for two invoices' });
    expect(promiseCard.textContent).toContain(`Promise: ${formatMoney(90_000, 'USD', 'en-US')} by ${formatDate('2026-12-12', 'en-US', 'day')} · INV-1042, INV-1043`);
    const disputeCard = within(list).getByRole('listitem', { name: 'Call: Dispute on pricing' });
    expect(disputeCard.textContent).toContain('Dispute: Price · INV-1050');
    expect(disputeCard.textContent).not.toContain('Promise:');
  });

  it('confirms a saved edit with a toast (in the action bar\'s toaster, which outlives the reload) and reloads the card', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    const updateActivity = vi.fn(async (id: string, body: UpdateActivityRequest) => edited(id, body, { purpose: 'Promise for two invoices' }));
    render(
      <FluentProvider theme={webLightTheme}>
        <Toaster toasterId={SAVED_TOASTER_ID} />
        <ActivitiesTab api={api({ activities: vi.fn(async () => ({ items: [promised] })), updateActivity })} customerId="1" asOf={undefined} refreshKey={0} onChanged={onChanged} />
      </FluentProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Actions for Promise for two invoices' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const amount = await screen.findByRole('textbox', { name: 'Amount promised (USD)' });
    await user.clear(amount);
    await user.type(amount, '700');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: Promise for two invoices')).toBeTruthy();
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(updateActivity).toHaveBeenCalledWith('p1', { promise: { amount: 70_000 } }, undefined, 4);
  });
});

describe('correcting an activity', () => {
  it('sends a corrected promise date and amount with the version read', async () => {
    const user = userEvent.setup();
    const updateActivity = vi.fn(async (id: string, body: UpdateActivityRequest) => edited(id, body));
    const onSaved = editDialog(promised, updateActivity);
    const amount = await screen.findByRole('textbox', { name: 'Amount promised (USD)' });
    expect((amount as HTMLInputElement).value).toBe('900.00');
    fireEvent.change(screen.getByLabelText(/Promised payment date/), { target: { value: '2026-12-19' } });
    await user.clear(amount);
    await user.type(amount, '1,250.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateActivity).toHaveBeenCalledWith('p1', { promise: { date: '2026-12-19', amount: 125_050 } }, undefined, 4);
  });

  it('refuses an amount that is not one, beside the field, without sending', async () => {
    const user = userEvent.setup();
    const updateActivity = vi.fn(async (id: string, body: UpdateActivityRequest) => edited(id, body));
    editDialog(promised, updateActivity);
    const amount = await screen.findByRole('textbox', { name: 'Amount promised (USD)' });
    await user.clear(amount);
    await user.type(amount, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('More than zero.')).toBeTruthy();
    expect(updateActivity).not.toHaveBeenCalled();
  });

  it('changes the outcome away from a promise, warning that it is withdrawn', async () => {
    const user = userEvent.setup();
    const updateActivity = vi.fn(async (id: string, body: UpdateActivityRequest) => edited(id, body));
    editDialog(promised, updateActivity);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Outcome' }), 'reached');
    expect(screen.getByText(/withdraws the promise/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Amount promised (USD)' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateActivity).toHaveBeenCalledWith('p1', { outcome: 'reached' }, undefined, 4));
  });

  it('offers the active dispute reasons and sends the corrected one', async () => {
    const user = userEvent.setup();
    const updateActivity = vi.fn(async (id: string, body: UpdateActivityRequest) => edited(id, body));
    editDialog({ ...disputed, version: 2 }, updateActivity);
    const reason = await screen.findByRole('combobox', { name: 'Dispute reason' });
    await waitFor(() => expect(within(reason).getAllByRole('option').map((o) => o.textContent)).toEqual(['Price', 'Quantity']));
    // A promise cannot be made up here: it needs its transactions.
    expect(within(screen.getByRole('combobox', { name: 'Outcome' })).queryByRole('option', { name: 'Promise to pay' })).toBeNull();
    await user.selectOptions(reason, 'quantity');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateActivity).toHaveBeenCalledWith('d1', { dispute: { reasonCode: 'quantity' } }, undefined, 2));
  });
});
