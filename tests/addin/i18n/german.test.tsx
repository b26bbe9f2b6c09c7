// The pane in Office's display language: German words (and German numbers) when Outlook runs in
// German, the same views in English otherwise.
import { configure, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../addin/App';
import OverviewTab from '../../../addin/features/overview/OverviewTab';
import { entryLabel, visibleDetails } from '../../../addin/features/timeline/describe';
import { emptyMemory } from '../../../addin/features/worklist/memory';
import WorklistPane from '../../../addin/features/worklist/WorklistPane';
import { LocaleProvider } from '../../../addin/ui/locale';
import { email, fakeApi, FakeHost, summary } from '../support/fakes';
import { fakeLayout, fakePools } from '../features/worklist/fakePools';

// Two shared cores: the first render of the Fluent tree can take seconds.
configure({ asyncUtilTimeout: 10_000 });

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
beforeEach(() => localStorage.clear());

const noWorld = () => fakeApi({ lookups: {}, summaries: {}, transactions: {} });

function hostIn(language: string, item: ReturnType<typeof email> | null) {
  const host = new FakeHost(item);
  host.displayLanguage = language;
  return host;
}

describe('no customer found for the sender', () => {
  it('reads in German when Outlook is in German', async () => {
    render(<App host={hostIn('de-DE', email('someone@unknown.example'))} api={noWorld()} />);
    expect(await screen.findByRole('heading', { name: 'Kein Kunde gefunden für someone@unknown.example' })).toBeTruthy();
    expect(screen.getByText('Suchen Sie den Kunden nach Name, Kontonummer oder E-Mail-Adresse.')).toBeTruthy();
    const search = screen.getByRole('searchbox', { name: 'Kunden durchsuchen' });
    expect(search.getAttribute('placeholder')).toBe('Name, Kontonummer oder E-Mail');
    expect(screen.getByRole('button', { name: 'Suchen' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Forderungsmanagement' })).toBeTruthy();
  });

  it('reads in English otherwise', async () => {
    render(<App host={hostIn('en-US', email('someone@unknown.example'))} api={noWorld()} />);
    expect(await screen.findByRole('heading', { name: 'No customer found for someone@unknown.example' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search customers' }).getAttribute('placeholder')).toBe('Name, account or email');
    expect(screen.getByRole('button', { name: 'Search' })).toBeTruthy();
  });

  it('asks for an email in German when none is selected', async () => {
    render(<App host={hostIn('de-CH', null)} api={noWorld()} />);
    expect(await screen.findByRole('heading', { name: 'Wählen Sie eine E-Mail eines Kunden aus' })).toBeTruthy();
  });
});

describe('the overview', () => {
  const renderIn = (locale: string) =>
    render(
      <LocaleProvider value={locale}>
        <OverviewTab summary={summary('1', 'Contoso')} api={noWorld()} />
      </LocaleProvider>,
    );
  const rows = () => within(screen.getByRole('table')).getAllByRole('rowheader').map((h) => h.textContent);

  it('names the aging periods and the figures in German, amounts in German form', () => {
    renderIn('de-DE');
    const table = screen.getByRole('table', { name: 'Altersstruktur nach Fälligkeit' });
    expect(rows()).toEqual(['Nicht fällig', '1–30', '31–60', '61–90', '91–120', 'Über 120']);
    expect(within(table).getByRole('row', { name: /Nicht fällig/ }).textContent).toContain('4.530,00');
    expect(document.querySelector('dl[aria-label="Kennzahlen des Kunden"]')).not.toBeNull();
    expect(screen.getByText('Kontostatus')).toBeTruthy();
    expect(screen.getByText('Aktiv')).toBeTruthy();
    expect(screen.getByText('Kreditlimit')).toBeTruthy();
    expect(screen.getByText('Über dem Kreditlimit')).toBeTruthy();
  });

  it('keeps the English names in English', () => {
    renderIn('en-US');
    expect(screen.getByRole('table', { name: 'Aging by due date' })).toBeTruthy();
    expect(rows()).toEqual(['Current', '1–30', '31–60', '61–90', '91–120', 'Over 120']);
    expect(screen.getByText('Account status')).toBeTruthy();
    expect(screen.getByText('Over the credit limit')).toBeTruthy();
  });
});

describe('the worklist', () => {
  const renderIn = (locale: string) =>
    render(
      <LocaleProvider value={locale}>
        <WorklistPane api={noWorld()} host={hostIn(locale, null)} pools={fakePools()} memory={{ current: emptyMemory() }} />
      </LocaleProvider>,
    );

  it('has German headings, counts and chart', async () => {
    renderIn('de-DE');
    expect(await screen.findByRole('heading', { name: 'Arbeitsliste' })).toBeTruthy();
    expect(await screen.findByText('120 Kunden')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Pool' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Arbeitsliste durchsuchen' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Nach Status' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Streitfall: 12.345,67\u00a0$, 8 offene Posten' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Offener Betrag nach Mahnstatus' })).toBeTruthy();
  });

  it('is unchanged in English', async () => {
    renderIn('en-US');
    expect(await screen.findByRole('heading', { name: 'Worklist' })).toBeTruthy();
    expect(await screen.findByText('120 customers')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Disputed: $12,345.67, 8 open items' })).toBeTruthy();
  });
});

describe('timeline details', () => {
  it('name the promise in German', () => {
    const entry = {
      id: 'i1',
      type: 'invoice' as const,
      date: '2025-03-02',
      title: 'INV-1',
      currency: 'USD',
      amount: 100000,
      dueDate: null,
      open: null,
      settlements: [],
      details: { status: 'promise_to_pay', promiseDate: '2025-04-01', daysOverdue: 3 },
    };
    expect(visibleDetails(entry, 'de-DE')).toEqual([
      ['Mahnstatus', 'Zahlungszusage'],
      ['Zugesagt für', '01.04.2025'],
      ['Tage überfällig', '3'],
    ]);
    expect(visibleDetails(entry, 'en-US')).toEqual([
      ['Collection status', 'Promise to pay'],
      ['Promised for', 'Apr 1, 2025'],
      ['Days late', '3'],
    ]);
  });

  it('name an activity, its status and its Outlook state in German', () => {
    const entry = {
      id: 'a1',
      type: 'activity' as const,
      date: '2025-03-02',
      title: 'Called about INV-1',
      currency: null,
      amount: null,
      dueDate: null,
      open: null,
      settlements: [],
      details: { activityType: 'call', outcome: 'reached', status: 'completed', syncState: 'synced' },
    };
    expect(entryLabel(entry, 'de-DE')).toMatch(/^Anruf · /);
    expect(entryLabel(entry, 'en-US')).toMatch(/^Call · /);
    expect(visibleDetails(entry, 'de-DE')).toContainEqual(['Outlook', 'In Outlook']);
    expect(visibleDetails(entry, 'de-DE').map(([, v]) => v)).toContain('Erledigt');
  });
});
