// The proposal card under "Mentioned in this email": the top proposal in one line, and the dialog
// it opens with every field filled in and the email's words marked; nothing saved before Save.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../addin/api/client';
import { Mentions } from '../../../../addin/features/mentions/Mentions';
import type { DraftProposal, DraftsRequest } from '../../../../server/http/schemas/drafts';
import type { CreateActivityRequest } from '../../../../server/http/schemas/activities';
import { email, fakeApi, FakeHost, tx } from '../../support/fakes';
import { activity } from '../activities/factories';

const BODY = 'Hi Maria,\n\nwe will pay INV-1042 and INV-1043 on the 15th.\n\nKind regards,\nPat';
const at = (text: string) => ({ start: BODY.indexOf(text), end: BODY.indexOf(text) + text.length, text });

const PROMISE: DraftProposal = {
  kind: 'promise_to_pay',
  confidence: 1,
  fields: {
    date: '2099-12-15',
    items: [
      { transactionId: 'inv-1042', amount: 125000, currency: 'USD' },
      { transactionId: 'inv-1043', amount: 60000, currency: 'USD' },
    ],
  },
  evidence: [
    { field: 'kind', part: 'body', ...at('we will pay') },
    { field: 'items', part: 'body', ...at('INV-1042') },
    { field: 'items', part: 'body', ...at('INV-1043') },
    { field: 'date', part: 'body', ...at('on the 15th') },
  ],
  assumptions: ['amount_from_open'],
};

function setup(proposal: DraftProposal) {
  const drafts = vi.fn(async (_id: string, _email: DraftsRequest) => ({ proposals: [proposal] }));
  const createActivity = vi.fn(async (_id: string, _body: CreateActivityRequest, _key: string) => activity());
  const linkContact = vi.fn(async (_id: string, _c: { email: string; name: string }) => undefined);
  const api: ApiClient = {
    ...fakeApi({
      lookups: {},
      summaries: {},
      transactions: { c1: [tx('INV-1042', { id: 'inv-1042', open: 125000 }), tx('INV-1043', { id: 'inv-1043', open: 60000 })] },
    }),
    drafts,
    createActivity,
    linkContact,
  };
  const item = { ...email('ap@contoso.example', { subject: 'Re: reminder', body: BODY, name: 'Pat Doe' }), receivedAt: '2099-12-04T09:30:00Z' };
  const onChanged = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <Mentions api={api} host={new FakeHost(item)} item={item} customerId="c1" asOf={undefined} refreshKey={0} onChanged={onChanged} />
    </FluentProvider>,
  );
  return { drafts, createActivity, linkContact, onChanged, user: userEvent.setup() };
}

describe('the proposal card', () => {
  it('offers the top proposal in one line, read from the email the agent has open', async () => {
    const { drafts } = setup(PROMISE);
    const card = await screen.findByRole('group', { name: 'Proposed from this email' });
    expect(card.textContent).toContain('Promise to pay INV-1042 and INV-1043, $1,850.00 on Dec 15');
    expect(card.textContent).toContain('No amount named: the open amounts are proposed.');
    expect(drafts).toHaveBeenCalledWith('c1', { subject: 'Re: reminder', body: BODY, receivedAt: '2099-12-04T09:30:00Z', from: 'ap@contoso.example' }, expect.anything());
  });

  it('opens the promise dialog with every field filled in and the words marked, and saves only on Save', async () => {
    const { createActivity, onChanged, user } = setup(PROMISE);
    await user.click(await screen.findByRole('button', { name: 'Review promise' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log activity' });
    const why = within(dialog).getByTestId('why-line');
    expect([...why.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['we will pay', 'INV-1042', 'INV-1043', 'on the 15th']);
    expect(await within(dialog).findByLabelText(/Promised payment date/)).toHaveProperty('value', '2099-12-15');
    expect(within(dialog).getByRole('checkbox', { name: /INV-1042/ })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('textbox', { name: 'Amount promised for INV-1043 (USD)' })).toHaveProperty('value', '600.00');
    expect(createActivity).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(createActivity).toHaveBeenCalledTimes(1));
    expect(createActivity.mock.calls[0]![1]).toMatchObject({
      type: 'call',
      outcome: 'promise_to_pay',
      promise: { date: '2099-12-15', items: [{ transactionId: 'inv-1042', amount: 125000 }, { transactionId: 'inv-1043', amount: 60000 }] },
    });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('opens the dispute dialog with the reason and the invoice chosen', async () => {
    const { user } = setup({
      kind: 'dispute',
      confidence: 1,
      fields: { reasonCode: 'duplicate_billing', transactionIds: ['inv-1043'] },
      evidence: [{ field: 'reasonCode', part: 'body', ...at('INV-1043') }],
      assumptions: [],
    });
    await user.click(await screen.findByRole('button', { name: 'Review dispute' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log activity' });
    expect(await within(dialog).findByRole('combobox', { name: /Dispute reason/ })).toHaveProperty('value', 'duplicate');
    expect(within(dialog).getByRole('checkbox', { name: /INV-1043/ })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('checkbox', { name: /INV-1042/ })).toHaveProperty('checked', false);
  });

  it('offers to add the contact an email announces', async () => {
    const { linkContact, user } = setup({
      kind: 'contact_change',
      confidence: 1,
      fields: { email: 'new.ap@contoso.example', name: 'Anna Weber' },
      evidence: [],
      assumptions: [],
    });
    const card = await screen.findByRole('group', { name: 'Proposed from this email' });
    expect(card.textContent).toContain('New contact Anna Weber <new.ap@contoso.example>');
    await user.click(within(card).getByRole('button', { name: 'Add contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add contact' });
    expect(within(dialog).getByRole('textbox', { name: /Email address/ })).toHaveProperty('value', 'new.ap@contoso.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(linkContact).toHaveBeenCalledWith('c1', { email: 'new.ap@contoso.example', name: 'Anna Weber' }));
  });

  it('offers the letter dialog for a copy request, saying why on the card', async () => {
    const { user } = setup({
      kind: 'copy_request',
      confidence: 1,
      fields: { transactionIds: ['inv-1042'], statement: false },
      evidence: [{ field: 'transactionIds', part: 'body', ...at('INV-1042') }],
      assumptions: [],
    });
    const card = await screen.findByRole('group', { name: 'Proposed from this email' });
    expect(card.textContent).toContain('Asks for a copy of INV-1042');
    expect(within(card).getByTestId('why-line').querySelector('mark')?.textContent).toBe('INV-1042');
    await user.click(within(card).getByRole('button', { name: 'Review letter' }));
    expect(await screen.findByRole('dialog', { name: 'Send letter' })).toBeTruthy();
  });

  it('opens the statement of account, not a letter, when the email asks for a statement', async () => {
    const { user } = setup({
      kind: 'copy_request',
      confidence: 1,
      fields: { transactionIds: [], statement: true },
      evidence: [{ field: 'statement', part: 'body', ...at('Kind regards') }],
      assumptions: [],
    });
    const card = await screen.findByRole('group', { name: 'Proposed from this email' });
    expect(within(card).queryByRole('button', { name: 'Review letter' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Review statement' }));
    expect(await screen.findByRole('dialog', { name: 'Statement of account' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Send letter' })).toBeNull();
  });

  it('tells a payment the customer says it made, with its words, and opens nothing', async () => {
    setup({
      kind: 'payment_claim',
      confidence: 1,
      fields: { transactionIds: ['inv-1043'], amount: 60000, currency: 'USD', date: '2099-12-01', reference: 'PAY-1' },
      evidence: [{ field: 'transactionIds', part: 'body', ...at('INV-1043') }],
      assumptions: [],
    });
    const card = await screen.findByRole('group', { name: 'Proposed from this email' });
    expect(card.textContent).toContain('Says it paid INV-1043 $600.00 on Dec 1');
    expect(within(card).getByTestId('why-line').querySelector('mark')?.textContent).toBe('INV-1043');
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('shows no card when the email asks for nothing', async () => {
    setup({ kind: 'none', confidence: 1, fields: {}, evidence: [], assumptions: [] });
    expect(await screen.findByText('INV-1042')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Proposed from this email' })).toBeNull();
  });
});
