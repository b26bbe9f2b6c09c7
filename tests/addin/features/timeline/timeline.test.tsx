import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../addin/App';
import { groupByMonth, yearEnding } from '../../../../addin/features/timeline/group';
import type { TimelineEntry } from '../../../../server/http/schemas/timeline';
import { email, fakeApi, FakeHost, summary } from '../../support/fakes';

function entry(id: string, date: string, over: Partial<TimelineEntry> = {}): TimelineEntry {
  return { id, type: 'invoice', date, title: id, currency: 'USD', amount: 100000, dueDate: null, open: null, settlements: [], details: {}, ...over };
}

describe('groupByMonth', () => {
  it('groups newest month first and newest entry first', () => {
    const groups = groupByMonth([entry('a', '2025-03-02'), entry('b', '2025-05-10'), entry('c', '2025-03-28'), entry('d', '2025-05-01')]);
    expect(groups.map((g) => [g.month, g.entries.map((e) => e.id)])).toEqual([
      ['2025-05', ['b', 'd']],
      ['2025-03', ['c', 'a']],
    ]);
  });

  it('takes the year ending on a date, leap days included', () => {
    expect(yearEnding('2025-06-30')).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(yearEnding('2024-02-29')).toEqual({ from: '2023-03-02', to: '2024-02-29' });
  });
});

describe('Timeline tab', () => {
  it('shows entries by month and opens an invoice into its due date and settlements', async () => {
    const api = fakeApi({
      lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso', matchedBy: 'contact' }] },
      summaries: { '1': summary('1', 'Contoso') },
      transactions: {},
    });
    api.timeline.mockResolvedValue({
      from: '2024-07-01',
      to: '2025-06-30',
      entries: [
        entry('p1', '2025-06-03', { type: 'payment', title: 'PAY-7781', amount: -40000, settlements: [{ document: 'INV-100042', kind: 'invoice', date: '2025-06-03', amount: 40000 }] }),
        entry('i1', '2025-04-01', {
          title: 'INV-100042',
          dueDate: '2025-05-01',
          open: 60000,
          settlements: [{ document: 'PAY-7781', kind: 'payment', date: '2025-06-03', amount: 40000 }],
          details: { status: 'disputed', daysOverdue: 0, promiseDate: '2025-06-20', promiseAmount: 60000 },
        }),
      ],
    });
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
    await screen.findByRole('heading', { name: 'Contoso' });
    await userEvent.click(screen.getByRole('tab', { name: 'Timeline' }));
    const months = await screen.findAllByRole('heading', { level: 2 });
    expect(months.map((h) => h.textContent)).toEqual(['June 2025', 'April 2025']);
    const april = screen.getByRole('region', { name: 'April 2025' });
    const invoice = within(april).getByRole('button', { name: /INV-100042/ });
    expect(invoice.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(invoice);
    expect(invoice.getAttribute('aria-expanded')).toBe('true');
    expect(within(april).getByText('May 1, 2025')).toBeTruthy();
    expect(within(april).getByText('Settled by')).toBeTruthy();
    expect(within(april).getByText(/PAY-7781/)).toBeTruthy();
    // Details read in words, dates and amounts of the display language, never raw codes or minor units.
    expect(within(april).getByText('Disputed')).toBeTruthy();
    expect(within(april).getByText('Jun 20, 2025')).toBeTruthy();
    expect(within(april).getByText('Promised amount').nextElementSibling?.textContent).toBe('$600.00');
    expect(within(april).queryByText('Days late')).toBeNull();
  });
});
