// Logging a call from the pane: outcome presets, a promise to pay on chosen open transactions with
// amounts checked against what is open, and one Idempotency-Key per form, reused on retry.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../../../addin/api/client';
import { LogActivityDialog } from '../../../../addin/features/activities/LogActivityDialog';
import { localDate } from '../../../../addin/features/activities/form';
import type { CreateActivityRequest } from '../../../../server/http/schemas/activities';
import { fakeApi, tx } from '../../support/fakes';
import { activity } from './factories';

function setup(createActivity = vi.fn(async (_id: string, _body: CreateActivityRequest, _key: string) => activity())) {
  const api: ApiClient = {
    ...fakeApi({
      lookups: {},
      summaries: {},
      transactions: {
        '1': [
          tx('INV-100042', { id: 'inv-42', open: 90000 }),
          tx('INV-100050', { id: 'inv-50', open: 250000, daysOverdue: 0 }),
          tx('PAY-7781', { kind: 'payment', amount: -50000, open: -50000 }),
        ],
      },
    }),
    createActivity,
  };
  const onSaved = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LogActivityDialog api={api} customerId="1" contact="Jane Roe <ap@contoso.com>" onClose={vi.fn()} onSaved={onSaved} />
    </FluentProvider>,
  );
  return { createActivity, onSaved, user: userEvent.setup() };
}

const inDays = (n: number) => localDate(new Date(Date.now() + n * 86_400_000));

describe('Log call', () => {
  it('offers the six outcome presets and prefills the contact from the email', async () => {
    setup();
    const outcomes = within(await screen.findByRole('group', { name: 'Outcome' })).getAllByRole('button');
    expect(outcomes.map((b) => b.textContent)).toEqual(['Reached', 'Left message', 'No answer', 'Promise to pay', 'Dispute', 'Wrong contact']);
    expect(screen.getByRole('textbox', { name: 'Contact' })).toHaveProperty('value', 'Jane Roe <ap@contoso.com>');
  });

  it('records a promise to pay on a chosen invoice, refusing more than is open', async () => {
    const { createActivity, onSaved, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Promise to pay' }));
    const list = await screen.findByRole('list', { name: 'Open transactions' });
    // Only what the customer owes can be promised: the payment is not offered.
    expect(within(list).queryByText(/PAY-7781/)).toBeNull();
    await user.click(within(list).getByRole('checkbox', { name: /INV-100042/ }));
    const amount = screen.getByRole('textbox', { name: 'Amount promised for INV-100042 (USD)' });
    expect(amount).toHaveProperty('value', '900.00');
    await user.clear(amount);
    await user.type(amount, '950');
    fireDate(screen.getByLabelText(/Promised payment date/), inDays(7));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('At most the open $900.00.')).toBeTruthy();
    expect(createActivity).not.toHaveBeenCalled();

    await user.clear(amount);
    await user.type(amount, '450.50');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(createActivity.mock.calls[0]![1]).toMatchObject({
      type: 'call',
      outcome: 'promise_to_pay',
      contact: 'Jane Roe <ap@contoso.com>',
      promise: { date: inDays(7), items: [{ transactionId: 'inv-42', amount: 45050, currency: 'USD' }] },
    });
  });

  it('reuses the Idempotency-Key when the agent retries after a lost answer', async () => {
    const createActivity = vi
      .fn(async (_id: string, _body: CreateActivityRequest, _key: string) => activity())
      .mockRejectedValueOnce(new ApiError('network', 0, 'The collections server could not be reached.'));
    const { onSaved, user } = setup(createActivity);
    await user.click(await screen.findByRole('button', { name: 'Reached' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The collections server could not be reached.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const [first, second] = createActivity.mock.calls.map((c) => c[2]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it('records a dispute with its reason code on the chosen invoices', async () => {
    const { createActivity, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Dispute' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose the reason of the dispute.')).toBeTruthy();
    expect(screen.getByText('Choose the disputed transactions.')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: /Dispute reason/ }), 'damaged');
    await user.click(screen.getByRole('checkbox', { name: /INV-100050/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(createActivity).toHaveBeenCalled());
    expect(createActivity.mock.calls[0]![1]).toMatchObject({ outcome: 'dispute', dispute: { reasonCode: 'damaged', transactionIds: ['inv-50'] } });
  });
});

/** Date inputs take their value as 'YYYY-MM-DD'; typing into them is browser-specific. */
function fireDate(input: HTMLElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
