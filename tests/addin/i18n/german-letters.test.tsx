// Letters, statements and interest in Office's display language: German words when Outlook runs in
// German, the same words as before in English.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { noLetterText, ProposalView } from '../../../addin/features/letters/ProposalView';
import { rateText, skipReasonText } from '../../../addin/features/interest/words';
import { LocaleProvider } from '../../../addin/ui/locale';
import type { LetterProposalResponse } from '../../../server/http/schemas/letters';

const proposal = {
  customer: { id: '1', account: 'C-1', name: 'Contoso Retail Ltd' },
  asOf: '2025-06-30',
  accountingCurrency: 'USD',
  sequence: { id: 's1', name: 'Standard' },
  due: true,
  reason: null,
  level: { level: 2, name: 'First notice', days: 30 },
  dueOn: null,
  lines: [
    { entryId: 'e1', document: 'INV-100042', postingDate: '2025-04-01', dueDate: '2025-05-01', currency: 'USD', open: 90000, openAccounting: 90000, daysOverdue: 60 },
    { entryId: 'e2', document: 'INV-100031', postingDate: '2025-03-01', dueDate: '2025-03-20', currency: 'USD', open: 70000, openAccounting: 70000, daysOverdue: 102 },
  ],
  totals: [{ currency: 'USD', open: 160000 }],
  totalAccounting: 160000,
  fee: { currency: 'USD', amount: 2500, amountAccounting: 2500 },
} as LetterProposalResponse;

const renderIn = (locale: string) =>
  render(
    <LocaleProvider value={locale}>
      <ProposalView proposal={proposal} />
    </LocaleProvider>,
  );

describe('the proposed letter', () => {
  it('reads in German', () => {
    renderIn('de-DE');
    expect(screen.getByRole('region', { name: 'Vorgeschlagene Mahnung' })).toBeTruthy();
    expect(screen.getByText('Mahnstufe')).toBeTruthy();
    expect(screen.getByText('Mahngebühr')).toBeTruthy();
    expect(screen.getByText('2 überfällige Posten')).toBeTruthy();
    expect(screen.getByText('60 Tage überfällig')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Posten in der Mahnung' })).toBeTruthy();
  });

  it('reads as before in English', () => {
    renderIn('en-US');
    expect(screen.getByRole('region', { name: 'Proposed letter' })).toBeTruthy();
    expect(screen.getByText('Level')).toBeTruthy();
    expect(screen.getByText('2 overdue items')).toBeTruthy();
    expect(screen.getByText('60 days late')).toBeTruthy();
  });
});

describe('texts outside React', () => {
  it('say why no letter is due, and the interest words, in the locale', () => {
    expect(noLetterText({ reason: 'nothing_overdue', level: null, dueOn: null }, 'de-DE')).toBe('Nichts ist überfällig.');
    expect(noLetterText({ reason: 'nothing_overdue', level: null, dueOn: null }, 'en-US')).toBe('Nothing is overdue.');
    expect(rateText(150, 'month', 'de-DE')).toBe('1,50 % pro Monat');
    expect(rateText(150, 'month', 'en-US')).toBe('1.50 % a month');
    expect(skipReasonText('disputed', 'de-DE')).toBe('strittig');
    expect(skipReasonText('in_grace', 'en-US')).toBe('within the grace days');
  });
});
