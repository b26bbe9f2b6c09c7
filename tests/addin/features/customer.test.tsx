import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../addin/App';
import { email, fakeApi, FakeHost, summary, tx, type World } from '../support/fakes';

function world(over: Partial<World> = {}): World {
  return {
    lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] },
    summaries: { '1': summary('1', 'Contoso Retail Ltd') },
    transactions: {
      '1': [
        tx('INV-100042', { dueDate: '2025-05-01', daysOverdue: 60, open: 90000, openAccounting: 90000, collectionStatus: 'disputed' }),
        tx('INV-100050', { dueDate: '2025-07-15', daysOverdue: 0, open: 250000, openAccounting: 250000 }),
        tx('INV-100031', { dueDate: '2025-03-20', daysOverdue: 102, open: 70000, currency: 'EUR', openAccounting: 76000 }),
        tx('INV-100010', { dueDate: '2025-01-10', daysOverdue: 0, open: 0, openAccounting: 0 }),
        tx('PAY-7781', { kind: 'payment', dueDate: null, daysOverdue: 0, amount: -50000, open: 0, openAccounting: 0 }),
      ],
    },
    ...over,
  };
}

async function openCustomer(w: World, mail = email('ap@contoso.com')) {
  const api = fakeApi(w);
  render(<App host={new FakeHost(mail)} api={api} />);
  await screen.findByRole('heading', { name: 'Contoso Retail Ltd' }, { timeout: 5000 });
  return api;
}

describe('Mentioned in this email', () => {
  it('shows the documents the subject and body name, with open amount and status', async () => {
    const mail = email('ap@contoso.com', { subject: 'Re: INV-100042', body: 'We paid 7781 last week; inv 100010 too.' });
    await openCustomer(world(), mail);
    const section = await screen.findByRole('region', { name: 'Mentioned in this email' });
    const rows = within(section).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows).toEqual([
      expect.stringMatching(/^INV-100042Invoiceopen \$900\.00 · 60 days lateDisputed$/),
      expect.stringMatching(/^PAY-7781Payment.*settled/),
      expect.stringMatching(/^INV-100010Invoicesettled/),
    ]);
  });

  it('stays hidden and asks nothing when the email names no document', async () => {
    const api = await openCustomer(world(), email('ap@contoso.com', { subject: 'Hello', body: 'Thanks for the call.' }));
    expect(screen.queryByRole('region', { name: 'Mentioned in this email' })).toBeNull();
    expect(api.transactions).not.toHaveBeenCalled();
  });
});

describe('Overview tab', () => {
  it('reads the aging buckets with amounts and shares, and says when the customer is over the credit limit', async () => {
    await openCustomer(world());
    const table = screen.getByRole('table', { name: 'Aging by due date' });
    const row = within(table).getByRole('row', { name: /31–60/ });
    expect(row.textContent).toContain('$4,950.00');
    expect(row.textContent).toContain('40%');
    const remaining = screen.getByText('Remaining credit').nextElementSibling!;
    // Not by colour alone: the minus sign and the words say it.
    expect(remaining.textContent).toBe('-$2,480.00Over the credit limit');
  });

  it('shows a share too small to round as "<1%", never "0%"', async () => {
    const base = summary('1', 'Contoso Retail Ltd');
    const aging = base.aging.map((b, i) => (i === 5 ? { ...b, amount: 2500 } : b));
    await openCustomer(world({ summaries: { '1': { ...base, aging } } }));
    const row = within(screen.getByRole('table', { name: 'Aging by due date' })).getByRole('row', { name: /Over 120/ });
    expect(row.textContent).toBe('Over 120$25.00<1%');
  });

  it("gives a customer invoiced in another currency its balance in that currency, with that currency's decimals", async () => {
    const base = summary('1', 'Contoso Retail Ltd');
    const balancesByCurrency = [
      { currency: 'KWD', balance: 356382, overdue: 180000 },
      { currency: 'JPY', balance: 540415, overdue: 0 },
    ];
    await openCustomer(world({ summaries: { '1': { ...base, balancesByCurrency } } }));
    const balance = screen.getByText('Balance').parentElement!;
    expect(balance.textContent?.replace(/\u00a0/g, ' ')).toBe('Balance$12,480.00KWD 356.382 · ¥540,415');
  });
});

describe('Transactions tab', () => {
  it('lists open items sorted by due date, re-sorts by a column, and totals per currency', async () => {
    await openCustomer(world());
    await userEvent.click(screen.getByRole('tab', { name: 'Transactions' }));
    const grid = await screen.findByRole('grid', { name: 'Transactions' });
    const docs = () => within(grid).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('gridcell')[0]!.textContent);
    expect(docs()).toEqual(['INV-100031Invoice', 'INV-100042Disputed', 'INV-100050Invoice']);
    await userEvent.click(within(grid).getByRole('button', { name: 'Open' }));
    expect(docs()).toEqual(['INV-100031Invoice', 'INV-100042Disputed', 'INV-100050Invoice']);
    await userEvent.click(within(grid).getByRole('button', { name: 'Open' }));
    expect(docs()).toEqual(['INV-100050Invoice', 'INV-100042Disputed', 'INV-100031Invoice']);
    const totals = screen.getByLabelText('Open totals per currency');
    expect(totals.textContent).toContain('Total open USD$3,400.00');
    expect(totals.textContent).toContain('Total open EUR€700.00');
  });

  it('sorts from the keyboard', async () => {
    await openCustomer(world());
    await userEvent.click(screen.getByRole('tab', { name: 'Transactions' }));
    const grid = await screen.findByRole('grid', { name: 'Transactions' });
    within(grid).getByRole('button', { name: 'Days late' }).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    const first = within(grid).getAllByRole('row')[1]!;
    expect(within(first).getAllByRole('gridcell')[0]!.textContent).toBe('INV-100031Invoice');
    expect(within(grid).getByRole('columnheader', { name: 'Days late' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('includes settled items on request', async () => {
    const api = await openCustomer(world());
    await userEvent.click(screen.getByRole('tab', { name: 'Transactions' }));
    await screen.findByRole('grid', { name: 'Transactions' });
    await userEvent.click(screen.getByRole('switch', { name: 'Include settled transactions' }));
    await waitFor(() => expect(within(screen.getByRole('grid', { name: 'Transactions' })).getAllByRole('row')).toHaveLength(6));
    expect(api.transactions).toHaveBeenLastCalledWith('1', { status: 'all', asOf: undefined }, expect.any(AbortSignal));
  });
});

describe('Refresh', () => {
  it('asks the server again for the customer', async () => {
    const api = await openCustomer(world());
    expect(api.summary).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('heading', { name: 'Contoso Retail Ltd' })).toBeTruthy();
    expect(api.summary).toHaveBeenCalledTimes(2);
  });
});

describe('As of a date', () => {
  it('opens on the date in force, re-queries the summary for the date picked, says so, and resets to today', async () => {
    const api = await openCustomer(world());
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'View as of a date…' }));
    const field = screen.getByLabelText<HTMLInputElement>('Show the customer as of');
    expect(field.value).toBe('2025-06-30');
    fireEvent.change(field, { target: { value: '2025-03-31' } });
    await waitFor(() => expect(api.summary).toHaveBeenLastCalledWith('1', '2025-03-31', expect.any(AbortSignal)));
    await userEvent.click(await screen.findByRole('button', { name: 'As of Mar 31, 2025: back to today' }));
    await waitFor(() => expect(api.summary).toHaveBeenLastCalledWith('1', undefined, expect.any(AbortSignal)));
    expect(screen.queryByText('Mar 31, 2025')).toBeNull();
  });

  it('keeps the chosen date when the agent selects another email', async () => {
    const w = world({
      lookups: {
        'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }],
        'ap@fabrikam.com': [{ id: '2', account: 'C-2', name: 'Fabrikam Ltd', matchedBy: 'contact' }],
      },
      summaries: { '1': summary('1', 'Contoso Retail Ltd'), '2': summary('2', 'Fabrikam Ltd') },
    });
    const api = fakeApi(w);
    const host = new FakeHost(email('ap@contoso.com'));
    render(<App host={host} api={api} />);
    await screen.findByRole('heading', { name: 'Contoso Retail Ltd' }, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'View as of a date…' }));
    fireEvent.change(screen.getByLabelText('Show the customer as of'), { target: { value: '2025-03-31' } });
    await screen.findByRole('button', { name: 'As of Mar 31, 2025: back to today' });
    host.select(email('ap@fabrikam.com'));
    await screen.findByRole('heading', { name: 'Fabrikam Ltd' }, { timeout: 5000 });
    expect(api.summary).toHaveBeenLastCalledWith('2', '2025-03-31', expect.any(AbortSignal));
    expect(screen.getByRole('button', { name: 'As of Mar 31, 2025: back to today' })).toBeTruthy();
  });
});

describe('At 320 px, scrolled', () => {
  it('collapses the header to one line above the tabs once the pane is scrolled past it', async () => {
    await openCustomer(world());
    expect(screen.queryByRole('group', { name: 'Contoso Retail Ltd, balance and overdue' })).toBeNull();
    const marker = screen.getByRole('tablist', { name: 'Customer details' }).parentElement!.previousElementSibling!;
    marker.getBoundingClientRect = () => ({ top: -200, bottom: -200, left: 0, right: 320, width: 320, height: 0, x: 0, y: -200, toJSON: () => '' });
    fireEvent.scroll(window);
    const compact = await screen.findByRole('group', { name: 'Contoso Retail Ltd, balance and overdue' });
    expect(compact.textContent).toBe('Contoso Retail Ltd$12,480.00$7,950.00 overdue');
  });
});
