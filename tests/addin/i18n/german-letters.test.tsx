// Letters, statements and interest in Office's display language: German words when Outlook runs in
// German, the same words as before in English.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { noLetterText, ProposalView } from '../../../addin/features/letters/ProposalView';
import { rateText, skipReasonText } from '../../../addin/features/interest/words';
import { LocaleProvider } from '../../../addin/ui/locale';
import { letterProposal as proposal } from '../features/letters/fixtures';


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
