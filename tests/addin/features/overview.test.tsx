import { render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Header } from '../../../addin/features/header/Header';
import OverviewTab from '../../../addin/features/overview/OverviewTab';
import { wholePercents } from '../../../addin/features/overview/shares';
import { fakeApi, summary } from '../support/fakes';

const noop = () => undefined;

describe('aging shares (largest remainder)', () => {
  it('add up to exactly 100 whenever anything is owed, and never move a share by a whole point', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { minLength: 1, maxLength: 8 }), (amounts) => {
        const percents = wholePercents(amounts);
        const total = amounts.reduce((s, a) => s + Math.max(0, a), 0);
        expect(percents.reduce((s, p) => s + p, 0)).toBe(total > 0 ? 100 : 0);
        amounts.forEach((a, i) => {
          const exact = a > 0 ? (a * 100) / total : 0;
          expect(Math.abs(percents[i]! - exact)).toBeLessThan(1);
          if (a <= 0) expect(percents[i]).toBe(0);
        });
      }),
    );
  });

  it('rounds three equal thirds to 34, 33, 33 (the table shows 100 %)', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
  });
});

describe('figures that need a hint', () => {
  it('explains a negative Current bucket as unapplied credit', () => {
    const base = summary('1', 'Contoso');
    const aging = base.aging.map((b, i) => (i === 0 ? { ...b, amount: -120000 } : b));
    render(<OverviewTab summary={{ ...base, aging }} api={fakeApi({ lookups: {}, summaries: {}, transactions: {} })} />);
    expect(screen.getByText(/negative amount is unapplied credit/)).toBeTruthy();
  });

  it('says why overdue can be larger than the balance', () => {
    render(<Header summary={summary('1', 'Contoso', { balance: 500000, overdue: 795000 })} onRefresh={noop} onPickDate={noop} onChangeCustomer={noop} />);
    expect(screen.getByText(/Overdue is more than the balance/).textContent).toContain('unapplied credit of $2,950.00');
  });

  it('gives no hint when the figures need none', () => {
    render(<Header summary={summary('1', 'Contoso')} onRefresh={noop} onPickDate={noop} onChangeCustomer={noop} />);
    expect(screen.queryByText(/Overdue is more than the balance/)).toBeNull();
  });

  it('shows a legend of the payment marks and says what each trend compares', () => {
    render(<Header summary={summary('1', 'Contoso')} onRefresh={noop} onPickDate={noop} onChangeCustomer={noop} />);
    const legend = screen.getByRole('list', { name: 'Legend of the payment marks' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['On time', 'Late', 'None due']);
    const trend = screen.getByRole('list', { name: 'Overdue trend' });
    expect(within(trend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '-$1,050.00 since 30 days ago',
      '+$2,950.00 since 60 days ago',
    ]);
  });
});
