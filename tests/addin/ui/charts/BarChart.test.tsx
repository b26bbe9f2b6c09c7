import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BarChart, type ChartBar, type ChartGroup, type ChartSeries } from '../../../../addin/ui/charts/BarChart';

const statuses: ChartSeries[] = [
  { id: 'none', label: 'None', tone: 'neutral' },
  { id: 'disputed', label: 'Disputed', tone: 'warning' },
  { id: 'promise_broken', label: 'Promise broken', tone: 'danger' },
];
// One group per status, each with its own series: the worklist's status chart.
const byStatus: ChartGroup[] = [
  { id: 'none', label: 'None', values: { none: { amount: 50_000_00, count: 40 } } },
  { id: 'disputed', label: 'Disputed', values: { disputed: { amount: 1_234_567, count: 8 } } },
  { id: 'promise_broken', label: 'Promise broken', values: { promise_broken: { amount: 99_00, count: 1 } } },
];
const customers = (n: number) => `${n} ${n === 1 ? 'customer' : 'customers'}`;

function widthOfBar(button: HTMLElement): string {
  return (button.querySelector('[aria-hidden] > span') as HTMLElement | null)?.style.width ?? '';
}

describe('BarChart', () => {
  it('names every bar with its figures, and a click reports the bar', async () => {
    const onSelect = vi.fn();
    render(<BarChart title="Open amount by status" currency="USD" series={statuses} groups={byStatus} describeCount={customers} onSelect={onSelect} />);
    const disputed = screen.getByRole('button', { name: 'Disputed: $12,345.67, 8 customers' });
    expect(disputed.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Promise broken: $99.00, 1 customer' })).toBeTruthy();
    await userEvent.click(disputed);
    expect(onSelect).toHaveBeenCalledWith({ groupId: 'disputed', seriesId: 'disputed' });
  });

  it('marks the selected bar pressed', () => {
    render(
      <BarChart
        title="By status"
        currency="USD"
        series={statuses}
        groups={byStatus}
        onSelect={() => undefined}
        selected={{ groupId: 'none', seriesId: 'none' }}
      />,
    );
    expect(screen.getByRole('button', { name: /^None:/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /^Disputed:/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('switches a series off from the legend and rescales the others to the largest left', async () => {
    function Harness() {
      const [hidden, setHidden] = useState<string[]>([]);
      return <BarChart title="By status" currency="USD" series={statuses} groups={byStatus} hidden={hidden} onHiddenChange={setHidden} onSelect={() => undefined} />;
    }
    render(<Harness />);
    const legend = screen.getByRole('group', { name: 'Series of By status' });
    const none = within(legend).getByRole('button', { name: 'None' });
    expect(none.getAttribute('aria-pressed')).toBe('true');
    expect(widthOfBar(screen.getByRole('button', { name: /^Disputed:/ }))).not.toBe('100%');

    await userEvent.click(none);
    expect(none.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('button', { name: /^None:/ })).toBeNull();
    // With "None" off, Disputed is the largest bar: the full width.
    expect(widthOfBar(screen.getByRole('button', { name: /^Disputed:/ }))).toBe('100%');

    await userEvent.click(none);
    expect(screen.getByRole('button', { name: /^None:/ })).toBeTruthy();
  });

  it('says so when every series is off', async () => {
    render(<BarChart title="By status" currency="USD" series={statuses} groups={byStatus} />);
    for (const s of statuses) await userEvent.click(screen.getByRole('button', { name: s.label }));
    expect(screen.getByText('Every series is switched off.')).toBeTruthy();
  });

  it('stacks series per group, each segment a button, with the total per group', async () => {
    const periods: ChartSeries[] = [
      { id: 'current', label: 'Current', tone: 'age0' },
      { id: 'p1', label: '1–30', tone: 'age1' },
    ];
    const months: ChartGroup[] = [
      { id: '2026-10', label: 'Oct 2026', values: { current: { amount: 300_00 }, p1: { amount: 100_00 } } },
      { id: '2026-11', label: 'Nov 2026', values: { current: { amount: 200_00 }, p1: { amount: 0 } } },
    ];
    const selected: ChartBar[] = [];
    render(
      <BarChart title="Aging history" currency="USD" mode="stacked" series={periods} groups={months} groupHeader="Month" onSelect={(b) => selected.push(b)} />,
    );
    const october = screen.getByRole('group', { name: 'Oct 2026: $400.00' });
    const current = within(october).getByRole('button', { name: 'Oct 2026, Current: $300.00' });
    expect(current.style.width).toBe('75%');
    expect(within(october).getByRole('button', { name: 'Oct 2026, 1–30: $100.00' }).style.width).toBe('25%');
    // A zero segment draws nothing and is no stop for the keyboard.
    expect(screen.queryByRole('button', { name: /^Nov 2026, 1–30/ })).toBeNull();
    await userEvent.click(current);
    expect(selected).toEqual([{ groupId: '2026-10', seriesId: 'current' }]);

    // The same figures in a table, one column per series.
    const table = screen.getByRole('table', { name: 'Aging history' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Month', 'Current', '1–30']);
    expect(within(table).getByRole('row', { name: /Nov 2026/ }).textContent).toBe('Nov 2026$200.00$0.00');
  });

  it('lists one figure per group in its table when each group has one', () => {
    render(<BarChart title="By status" currency="USD" series={statuses} groups={byStatus} describeCount={customers} groupHeader="Status" />);
    const table = screen.getByRole('table', { name: 'By status' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Status', 'Amount']);
    expect(within(table).getByRole('row', { name: /Disputed/ }).textContent).toBe('Disputed$12,345.67, 8 customers');
  });
});
