// The activities in Office's display language: the tab's cards, badges and the form's messages in
// German when Outlook runs in German, unchanged in English otherwise.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../addin/api/client';
import ActivitiesTab from '../../../addin/features/activities/ActivitiesTab';
import { parseAmount } from '../../../addin/features/activities/amount';
import { buildRequest, emptyForm } from '../../../addin/features/activities/form';
import { LocaleProvider } from '../../../addin/ui/locale';
import type { Activity } from '../../../server/http/schemas/activities';
import { fakeApi } from '../support/fakes';
import { activity } from '../features/activities/factories';

// Two shared cores: the first render of the Fluent tree can take seconds.
configure({ asyncUtilTimeout: 10_000 });

const items: Activity[] = [
  activity({ id: 'a1', purpose: 'Anruf wegen INV-1', outcome: 'promise_to_pay', sync: { state: 'synced', eventId: 'e1' } }),
  activity({ id: 'a2', purpose: 'Rückruf', type: 'task', status: 'completed', sync: { state: 'failed', error: 'Graph 403' } }),
];

function renderIn(locale: string) {
  const api: ApiClient = { ...fakeApi({ lookups: {}, summaries: {}, transactions: {} }), activities: vi.fn(async () => ({ items })) };
  render(
    <LocaleProvider value={locale}>
      <FluentProvider theme={webLightTheme}>
        <ActivitiesTab api={api} customerId="1" asOf={undefined} refreshKey={0} onChanged={vi.fn()} />
      </FluentProvider>
    </LocaleProvider>,
  );
}

describe('the activities tab', () => {
  it('reads in German when Outlook is in German', async () => {
    renderIn('de-DE');
    const list = await screen.findByRole('list', { name: 'Aktivitäten' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['Anruf: Anruf wegen INV-1', 'Aufgabe: Rückruf']);
    expect(within(rows[0]!).getByText('Zahlungszusage')).toBeTruthy();
    expect(within(rows[0]!).getByText('In Outlook')).toBeTruthy();
    expect(within(rows[1]!).getByText('Erledigt')).toBeTruthy();
    expect(within(rows[1]!).getByText('Outlook-Synchronisierung fehlgeschlagen: Graph 403')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Aktionen für Anruf wegen INV-1' })).toBeTruthy();
  });

  it('is unchanged in English', async () => {
    renderIn('en-US');
    const list = await screen.findByRole('list', { name: 'Activities' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['Call: Anruf wegen INV-1', 'Task: Rückruf']);
    expect(within(rows[0]!).getByText('Promise to pay')).toBeTruthy();
    expect(within(rows[1]!).getByText('Outlook sync failed: Graph 403')).toBeTruthy();
  });
});

describe('the log form’s messages', () => {
  it('are German in German and English otherwise', () => {
    const form = { ...emptyForm('task', '', ''), outcome: null };
    const de = buildRequest(form, [], 'de-DE', '2025-01-01');
    expect(de).toMatchObject({ ok: false, errors: { purpose: 'Geben Sie an, worum es bei der Aktivität geht.', due: 'Wählen Sie, wann die Aufgabe fällig ist.' } });
    const en = buildRequest(form, [], 'en-US', '2025-01-01');
    expect(en).toMatchObject({ ok: false, errors: { purpose: 'Say what the activity is about.', due: 'Choose when the task is due.' } });
    expect(parseAmount('abc', 2, 'de-DE')).toMatchObject({ ok: false, message: 'Geben Sie einen Betrag wie 1250,00 ein.' });
    expect(parseAmount('1,234', 2, 'de-DE')).toMatchObject({ ok: false, message: 'Höchstens 2 Nachkommastellen.' });
    expect(parseAmount('abc', 2, 'en-US')).toMatchObject({ ok: false, message: 'Enter an amount such as 1250.00.' });
  });
});
