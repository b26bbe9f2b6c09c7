// The workspace's report view: totals by period and by currency, a table sorted by any column and
// filtered by name or account, a page at a time; a click opens the customer; downloads show the
// bytes received; the month-end switch is offered to managers only.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReportsClient } from '../../../../addin/features/reports/client';
import { workspaceHost } from '../../../../addin/features/reports/CustomerDrawer';
import { PAGE_SIZE } from '../../../../addin/features/reports/ReportTable';
import { ReportView } from '../../../../addin/features/reports/ReportView';
import { fakeApi, summary } from '../../support/fakes';
import { fakeReports, sampleReport } from './fakes';

function setup(client: ReportsClient) {
  const api = fakeApi({ lookups: {}, summaries: { 'id-C-002': summary('id-C-002', 'Fabrikam Inc') }, transactions: {} });
  render(
    <FluentProvider theme={webLightTheme}>
      <ReportView client={client} api={api} host={workspaceHost('en-US', false)} />
    </FluentProvider>,
  );
  return { api, user: userEvent.setup() };
}

const names = () => within(screen.getByRole('table', { name: 'Aged receivables by customer' })).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[1]!.textContent);

describe('the report view', () => {
  it('shows the totals by period and by currency', async () => {
    setup(fakeReports(sampleReport()));
    const totals = await screen.findByRole('table', { name: 'Totals by period and by currency' });
    const rows = within(totals).getAllByRole('row').map((row) => row.textContent);
    expect(rows[1]).toBe('All customers (USD)$1,085.00$960.00$125.00$50.00$10.00$0.00$0.00$900.00');
    expect(rows[2]).toContain('EUR transactions€800.00');
    expect(rows[3]).toContain('USD transactions$185.00');
    expect(screen.getByText('3 customers with open items')).toBeTruthy();
    // Asked for today: the heading and the date field say which day that was.
    expect(screen.getByRole('heading', { name: 'Aged receivables as of Nov 30, 2026' })).toBeTruthy();
    expect((screen.getByLabelText('As of') as HTMLInputElement).value).toBe('2026-11-30');
  });

  it('sorts by any column, both ways, and filters by name or account', async () => {
    const { user } = setup(fakeReports(sampleReport()));
    await screen.findByRole('table', { name: 'Aged receivables by customer' });
    expect(names()).toEqual(['Contoso Retail Ltd', 'Fabrikam Inc', 'Adventure Works']);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Adventure Works', 'Contoso Retail Ltd', 'Fabrikam Inc']);
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    // Amounts sort largest first, then the other way.
    await user.click(screen.getByRole('button', { name: 'Balance' }));
    expect(names()).toEqual(['Fabrikam Inc', 'Contoso Retail Ltd', 'Adventure Works']);
    await user.click(screen.getByRole('button', { name: 'Balance' }));
    expect(names()).toEqual(['Adventure Works', 'Contoso Retail Ltd', 'Fabrikam Inc']);
    await user.click(screen.getByRole('button', { name: '31–60' }));
    expect(names()[0]).toBe('Adventure Works');

    await user.type(screen.getByRole('searchbox'), 'c-002');
    await waitFor(() => expect(names()).toEqual(['Fabrikam Inc']));
    expect(screen.getByText('1 of 3 customers match the filter')).toBeTruthy();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'works adv');
    await waitFor(() => expect(names()).toEqual(['Adventure Works']));
  });

  it('shows a page of customers at a time', async () => {
    const { user } = setup(fakeReports(sampleReport(PAGE_SIZE + 20)));
    await screen.findByRole('table', { name: 'Aged receivables by customer' });
    expect(names()).toHaveLength(PAGE_SIZE);
    expect(screen.getByText(`1–${PAGE_SIZE} of ${PAGE_SIZE + 20}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(names()).toHaveLength(20);
  });

  it('opens a customer in a drawer with the pane’s customer view', async () => {
    const { user, api } = setup(fakeReports(sampleReport()));
    await user.click(await screen.findByRole('button', { name: 'Fabrikam Inc' }));
    // jsdom runs no motion: the drawer stays "hidden" (visibility) as its entrance never ends.
    const drawer = await screen.findByRole('dialog', { hidden: true });
    expect(drawer.getAttribute('aria-modal')).toBe('true');
    await waitFor(() => expect(api.summary).toHaveBeenCalledWith('id-C-002', undefined, expect.anything()));
    await within(drawer).findByRole('tablist', { name: 'Customer details', hidden: true });
    await user.click(within(drawer).getByRole('button', { name: 'Close', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
  });

  it('downloads with the bytes received so far, then hands the file to the browser', async () => {
    const chunks = [new Uint8Array(600_000), new Uint8Array(700_000)];
    const client = fakeReports(sampleReport(), { chunks });
    const created = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = setup(client);
    await screen.findByRole('table', { name: 'Aged receivables by customer' });
    await user.click(screen.getByRole('button', { name: 'Excel' }));
    expect(await screen.findByText('XLSX: 1.3 MB received')).toBeTruthy();
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(client.download).toHaveBeenCalledWith({ asOf: undefined, by: 'due_date' }, 'xlsx', expect.any(Function), expect.any(AbortSignal));
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe('aged-receivables-2026-11-30.xlsx');
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    clicked.mockRestore();
  });

  it('offers managers the month-end mail, and nobody else', async () => {
    const client = fakeReports(sampleReport(), { manager: true });
    const { user } = setup(client);
    const toggle = await screen.findByRole('switch', { name: /Mail me this report/ });
    await user.click(toggle);
    expect(client.setSubscription).toHaveBeenCalledWith(true);
    await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true));
  });

  it('says when the switch failed, and Retry tries the same switch again', async () => {
    const client = fakeReports(sampleReport(), { manager: true });
    vi.mocked(client.setSubscription).mockRejectedValueOnce(new Error('The collections server could not be reached.'));
    const { user } = setup(client);
    await user.click(await screen.findByRole('switch', { name: /Mail me this report/ }));
    expect(await screen.findByText('The month-end mail could not be switched')).toBeTruthy();
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true));
    expect(client.setSubscription).toHaveBeenNthCalledWith(2, true);
    expect(screen.queryByText('The month-end mail could not be switched')).toBeNull();
  });

  it('shows no month-end switch to an agent', async () => {
    setup(fakeReports(sampleReport()));
    await screen.findByRole('table', { name: 'Aged receivables by customer' });
    expect(screen.queryByRole('switch')).toBeNull();
  });
});
