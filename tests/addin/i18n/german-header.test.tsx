// The customer header and "Mentioned in this email" in Office's display language: German words when
// Outlook runs in German, the same English as before otherwise.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../addin/api/client';
import { Header } from '../../../addin/features/header/Header';
import { Mentions } from '../../../addin/features/mentions/Mentions';
import { LocaleProvider } from '../../../addin/ui/locale';
import type { DraftProposal } from '../../../server/http/schemas/drafts';
import { email, fakeApi, FakeHost, summary, tx } from '../support/fakes';

configure({ asyncUtilTimeout: 10_000 });

const noop = () => undefined;

function header(locale: string) {
  render(
    <LocaleProvider value={locale}>
      <FluentProvider theme={webLightTheme}>
        <Header summary={summary('1', 'Contoso')} onRefresh={noop} onPickDate={noop} onChangeCustomer={noop} />
      </FluentProvider>
    </LocaleProvider>,
  );
}

const PROMISE: DraftProposal = {
  kind: 'promise_to_pay',
  confidence: 1,
  fields: { date: '2099-12-15', items: [{ transactionId: 'inv-1042', amount: 125000, currency: 'USD' }] },
  evidence: [],
  assumptions: ['amount_from_open'],
};

function mentions(locale: string) {
  const api: ApiClient = {
    ...fakeApi({ lookups: {}, summaries: {}, transactions: { c1: [tx('INV-1042', { id: 'inv-1042', open: 125000 })] } }),
    drafts: vi.fn(async () => ({ proposals: [PROMISE] })),
  };
  const item = { ...email('ap@contoso.example', { subject: 'Re: INV-1042', body: 'We will pay INV-1042 on the 15th.' }), receivedAt: '2099-12-04T09:30:00Z' };
  render(
    <LocaleProvider value={locale}>
      <FluentProvider theme={webLightTheme}>
        <Mentions api={api} host={new FakeHost(item)} item={item} customerId="c1" asOf={undefined} refreshKey={0} onChanged={noop} />
      </FluentProvider>
    </LocaleProvider>,
  );
}

describe('the header', () => {
  it('reads in German when Outlook is in German', () => {
    header('de-DE');
    expect(screen.getByText('Saldo')).toBeTruthy();
    expect(screen.getByText('Überfällig')).toBeTruthy();
    expect(screen.getByText('Bonität B')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Zahlungsverhalten der letzten 12 Monate' })).toBeTruthy();
    expect(screen.getByText('75 % pünktlich bezahlt')).toBeTruthy();
    expect(screen.getByText('Pünktlich')).toBeTruthy();
    expect(screen.getByText('Verspätet')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Entwicklung des Überfälligen' }).textContent).toContain('seit 30 Tagen');
  });

  it('reads as before in English', () => {
    header('en-US');
    expect(screen.getByText('Balance')).toBeTruthy();
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByText('Rating B')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Payment history, last 12 months' })).toBeTruthy();
    expect(screen.getByText('75% paid on time')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Overdue trend' }).textContent).toContain('since 30 days ago');
  });
});

describe('mentioned in this email', () => {
  it('reads in German when Outlook is in German', async () => {
    mentions('de-DE');
    expect(await screen.findByRole('heading', { name: 'In dieser E-Mail erwähnt' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Aus dieser E-Mail vorgeschlagen' }).textContent).toContain('Zahlungszusage INV-1042');
    expect(screen.getByRole('button', { name: 'Zahlungszusage prüfen' })).toBeTruthy();
    expect(screen.getByText('Kein Betrag genannt: die offenen Beträge werden vorgeschlagen.')).toBeTruthy();
  });

  it('reads as before in English', async () => {
    mentions('en-US');
    expect(await screen.findByRole('heading', { name: 'Mentioned in this email' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Proposed from this email' }).textContent).toContain('Promise to pay INV-1042');
    expect(screen.getByRole('button', { name: 'Review promise' })).toBeTruthy();
    expect(screen.getByText('No amount named: the open amounts are proposed.')).toBeTruthy();
  });
});
