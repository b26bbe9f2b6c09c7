// The transactions tab and its dialogs in Office's display language: German column headers, menu
// items, dialogs and effects when Outlook runs in German, the same words as before in English.
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../addin/api/client';
import { SettleDialog } from '../../../addin/features/settlements/SettleDialog';
import { buildAction } from '../../../addin/features/transactions/actions';
import { holdTitle } from '../../../addin/features/transactions/columns';
import TransactionsTab from '../../../addin/features/transactions/TransactionsTab';
import { LocaleProvider } from '../../../addin/ui/locale';
import { fakeApi, tx } from '../support/fakes';

// Two shared cores: the first render of the Fluent tree can take seconds.
configure({ asyncUtilTimeout: 10_000 });

const items = () => [
  tx('INV-1', { id: 'a', open: 90000 }),
  tx('PAY-1', { id: 'p', kind: 'payment', dueDate: null, amount: -5000, open: -5000, daysOverdue: 0 }),
];

function renderTab(locale: string) {
  const api = fakeApi({ lookups: {}, summaries: {}, transactions: { '1': items() } }) as unknown as ApiClient;
  render(
    <LocaleProvider value={locale}>
      <TransactionsTab api={api} customerId="1" asOf={undefined} refreshKey={0} />
    </LocaleProvider>,
  );
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

describe('the transactions tab', () => {
  it('reads in German when Outlook is in German', async () => {
    renderTab('de-DE');
    const grid = await screen.findByRole('grid', { name: 'Posten' });
    expect(headers()).toEqual(['Beleg', 'Fällig', 'Überf.', 'Offen']);
    expect(within(grid).getByLabelText('Tage überfällig')).toBeTruthy();
    expect(within(grid).getByText('Zahlung')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Ausgeglichene Posten einschließen' })).toBeTruthy();
    expect(screen.getByText('Summe offen')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'INV-1 auswählen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Aktionen (1)' }));
    expect(await screen.findByRole('menuitem', { name: 'Ausbuchen…' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Status ändern…' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Sperren…' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Paarweise ausgleichen…' })).toBeTruthy();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Status ändern…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Status ändern' });
    expect(within(dialog).getByRole('combobox', { name: 'Status' }).textContent).toContain('Zahlungszusage');
    expect(within(dialog).getByRole('region', { name: 'Auswirkung' }).textContent).toContain('INV-1: Zahlungszusage über 900,00');
    expect(within(dialog).getByRole('button', { name: 'Bestätigen' })).toBeTruthy();
  });

  it('reads as before in English', async () => {
    renderTab('en-US');
    const grid = await screen.findByRole('grid', { name: 'Transactions' });
    expect(headers()).toEqual(['Document', 'Due', 'Late', 'Open']);
    expect(within(grid).getByLabelText('Days late')).toBeTruthy();
    expect(within(grid).getByText('Payment')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Include settled transactions' })).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    expect(await screen.findByRole('menuitem', { name: 'Write off…' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Put on hold…' })).toBeTruthy();
  });
});

describe('settling by pairs', () => {
  const renderSettle = (locale: string) =>
    render(
      <LocaleProvider value={locale}>
        <SettleDialog api={{} as ApiClient} customerId="1" credits={[items()[1]!]} items={items()} onClose={() => undefined} onDone={() => undefined} />
      </LocaleProvider>,
    );

  it('proposes the pair and shows its effect in German', () => {
    renderSettle('de-DE');
    const dialog = screen.getByRole('dialog', { name: 'Paarweise ausgleichen' });
    expect(within(dialog).getByText('Forderung')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Paar hinzufügen' })).toBeTruthy();
    // Proposed in German notation, so it parses as typed.
    expect((within(dialog).getByRole('textbox', { name: 'Betrag des Paars von PAY-1' }) as HTMLInputElement).value).toBe('50,00');
    expect(within(dialog).getByRole('region', { name: 'Auswirkung' }).textContent).toContain('PAY-1 gleicht 50,00');
  });

  it('and in English as before', () => {
    renderSettle('en-US');
    const dialog = screen.getByRole('dialog', { name: 'Settle by pairs' });
    expect(within(dialog).getByRole('button', { name: 'Add a pair' })).toBeTruthy();
    expect(within(dialog).getByRole('region', { name: 'Effect' }).textContent).toContain('PAY-1 settles $50.00 of INV-1');
  });
});

describe('texts computed outside React', () => {
  it('follow the locale they are given', () => {
    expect(holdTitle({ id: 'h', reason: 'Insolvenz', until: null }, 'de-DE')).toBe('Gesperrt: Insolvenz · bis zur Aufhebung');
    const form = { status: 'disputed' as const, date: '', amounts: {}, reasonCode: '', note: '', chargeFee: false };
    expect(buildAction('status', form, items().slice(0, 1), 'de-DE')).toMatchObject({ ok: false, errors: { reasonCode: 'Wählen Sie einen Grund.' } });
    expect(buildAction('status', form, items().slice(0, 1), 'en-US')).toMatchObject({ ok: false, errors: { reasonCode: 'Choose a reason.' } });
  });
});
