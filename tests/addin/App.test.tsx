import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../addin/App';
import { ApiError } from '../../addin/api/client';
import type { LookupResponse } from '../../server/http/schemas/customers';
import { deferred, email, fakeApi, FakeHost, summary, type World } from './support/fakes';

function world(over: Partial<World> = {}): World {
  return {
    lookups: {
      'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }],
      'billing@fabrikam.com': [{ id: '2', account: 'C-2', name: 'Fabrikam Inc', matchedBy: 'domain' }],
    },
    summaries: {
      '1': summary('1', 'Contoso Retail Ltd', {}),
      '2': summary('2', 'Fabrikam Inc', { balance: 50000, overdue: 0, creditRemaining: 950000 }),
    },
    transactions: {},
    ...over,
  };
}

describe('App', () => {
  it('shows the sender’s customer: name, account, status, balance, overdue', async () => {
    const w = world();
    w.summaries['1'] = summary('1', 'Contoso Retail Ltd', { customer: { ...w.summaries['1']!.customer, status: 'on_hold' } });
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={fakeApi(w)} />);
    expect(await screen.findByRole('heading', { name: 'Contoso Retail Ltd' })).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('C-1')).toBeTruthy();
    expect(within(header).getByText('On hold')).toBeTruthy();
    expect(within(header).getByText('$12,480.00')).toBeTruthy();
    expect(within(header).getByText('$7,950.00')).toBeTruthy();
    expect(within(header).getByText(/Rating B/)).toBeTruthy();
    // Overdue fell by 1,050.00 since 30 days ago and rose by 2,950.00 since 60 days ago.
    expect(within(header).getByRole('img', { name: 'down $1,050.00 from 30 days ago' })).toBeTruthy();
    expect(within(header).getByRole('img', { name: 'up $2,950.00 from 60 days ago' })).toBeTruthy();
    expect(within(header).getAllByRole('img', { name: /: (on time|late|no invoices due)/ })).toHaveLength(12);
    expect(within(header).getByRole('img', { name: /^August 2024: late \(1 of 2 paid on time, 1 paid late\)$/ })).toBeTruthy();
  });

  it('says what to do when no email is selected', async () => {
    render(<App host={new FakeHost(null)} api={fakeApi(world())} />);
    expect(await screen.findByText('Select an email from a customer')).toBeTruthy();
  });

  it('opens the customer the sender is a contact of at once, with a quiet switch to the other matches', async () => {
    const w = world({
      lookups: {
        'ap@contoso.com': [
          { id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' },
          { id: '2', account: 'C-2', name: 'Fabrikam Inc', matchedBy: 'domain' },
        ],
      },
    });
    const api = fakeApi(w);
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
    expect(await screen.findByRole('heading', { name: 'Contoso Retail Ltd' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('2 customers match this email')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Not this customer?' }));
    expect(await screen.findByText('2 customers match this email')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Fabrikam Inc/ }));
    expect(await screen.findByRole('heading', { name: 'Fabrikam Inc' }, { timeout: 5000 })).toBeTruthy();
  });

  it('offers a picker when several customers match by domain, and remembers the one picked for that sender', async () => {
    localStorage.clear();
    const w = world({
      lookups: {
        'ap@contoso.com': [
          { id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'domain' },
          { id: '2', account: 'C-2', name: 'Fabrikam Inc', matchedBy: 'domain' },
        ],
        'other@contoso.com': [
          { id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'domain' },
          { id: '2', account: 'C-2', name: 'Fabrikam Inc', matchedBy: 'domain' },
        ],
      },
    });
    const api = fakeApi(w);
    const host = new FakeHost(email('ap@contoso.com'));
    render(<App host={host} api={api} />);
    expect(await screen.findByText('2 customers match this email')).toBeTruthy();
    expect(api.summary).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: /Fabrikam Inc/ }));
    expect(await screen.findByRole('heading', { name: 'Fabrikam Inc' }, { timeout: 5000 })).toBeTruthy();

    // Another sender of the same domain still asks; the first one's next email opens the choice.
    host.select(email('other@contoso.com', { subject: 'Next' }));
    expect(await screen.findByText('2 customers match this email')).toBeTruthy();
    host.select(email('ap@contoso.com', { subject: 'Again' }));
    expect(await screen.findByRole('heading', { name: 'Fabrikam Inc' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/1 other customer matches this email/)).toBeTruthy();
    localStorage.clear();
  });

  it('lets the agent search instead when none of the matches is right', async () => {
    const w = world({
      lookups: {
        'ap@contoso.com': [
          { id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'domain' },
          { id: '2', account: 'C-2', name: 'Fabrikam Inc', matchedBy: 'domain' },
        ],
      },
    });
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={fakeApi(w)} />);
    expect(await screen.findByRole('button', { name: /Contoso Retail Ltd.*C-1 · Same domain, contoso\.com/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Search for another customer' }));
    expect(screen.getByRole('searchbox', { name: 'Search customers' })).toBeTruthy();
    expect(screen.queryByText('2 customers match this email')).toBeNull();
  });

  it('merges the recipients of a draft into one list', async () => {
    const draft = { ...email('ap@contoso.com'), mode: 'compose' as const };
    draft.counterparts = [
      { displayName: 'AP', emailAddress: 'ap@contoso.com' },
      { displayName: 'Billing', emailAddress: 'billing@fabrikam.com' },
    ];
    render(<App host={new FakeHost(draft)} api={fakeApi(world())} />);
    expect(await screen.findByText('2 customers match this email')).toBeTruthy();
  });

  it('searches and links an unknown address to the customer chosen', async () => {
    const api = fakeApi(world());
    api.search.mockResolvedValue({
      items: [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', status: 'active', currency: 'USD' }],
      total: 1,
      limit: 20,
      offset: 0,
    });
    render(<App host={new FakeHost(email('jane@gmail.com', { name: 'Jane Doe' }))} api={api} />);
    expect(await screen.findByText('No customer found for jane@gmail.com')).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'contoso{Enter}');
    expect(api.search).toHaveBeenCalledWith('contoso', expect.any(AbortSignal));
    await userEvent.click(await screen.findByRole('button', { name: 'Link address jane@gmail.com to Contoso Retail Ltd' }));
    expect(api.linkContact).toHaveBeenCalledWith('1', { email: 'jane@gmail.com', name: 'Jane Doe' }, expect.any(AbortSignal));
    expect(await screen.findByRole('heading', { name: 'Contoso Retail Ltd' })).toBeTruthy();
  });

  it('switches customer with the email, and a late answer for the previous email never shows', async () => {
    const api = fakeApi(world());
    const slow = deferred<LookupResponse>();
    api.lookup.mockImplementationOnce(() => slow.promise);
    const host = new FakeHost(email('ap@contoso.com'));
    render(<App host={host} api={api} />);
    host.select(email('billing@fabrikam.com'));
    expect(await screen.findByRole('heading', { name: 'Fabrikam Inc' })).toBeTruthy();
    const firstSignal = api.lookup.mock.calls[0]![1]!;
    expect(firstSignal.aborted).toBe(true);
    await act(async () => slow.resolve({ matches: [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] }));
    expect(screen.getByRole('heading', { name: 'Fabrikam Inc' })).toBeTruthy();
    expect(screen.queryByText('Contoso Retail Ltd')).toBeNull();
    expect(api.summary).not.toHaveBeenCalledWith('1', undefined, expect.anything());
  });

  it('never asks again for the previous email’s customer once another email is selected', async () => {
    const api = fakeApi(world());
    const host = new FakeHost(email('ap@contoso.com'));
    render(<App host={host} api={api} />);
    await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
    host.select(email('billing@fabrikam.com'));
    expect(await screen.findByRole('heading', { name: 'Fabrikam Inc' })).toBeTruthy();
    expect(api.summary.mock.calls.map((c) => c[0])).toEqual(['1', '2']);
  });

  it('goes back to the empty state when the selection is cleared', async () => {
    const host = new FakeHost(email('ap@contoso.com'));
    render(<App host={host} api={fakeApi(world())} />);
    await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
    host.select(null);
    expect(await screen.findByText('Select an email from a customer')).toBeTruthy();
  });

  it('shows an error with a retry that loads the customer', async () => {
    const api = fakeApi(world());
    api.summary.mockRejectedValueOnce(new ApiError('unavailable', 503, 'The server is restarting.'));
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
    expect(await screen.findByText('The server is restarting.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Contoso Retail Ltd' })).toBeTruthy();
  });

  it('follows the host’s dark theme', async () => {
    const host = new FakeHost(null);
    host.dark = true;
    const { container } = render(<App host={host} api={fakeApi(world())} />);
    await screen.findByText('Select an email from a customer');
    await waitFor(() => expect(container.firstElementChild?.className).toMatch(/fui-FluentProvider/));
    expect(getComputedStyle(container.firstElementChild!).getPropertyValue('--colorNeutralBackground1').trim()).toBe('#292929');
  });
});
