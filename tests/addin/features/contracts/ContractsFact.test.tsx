// The overview's "Active contracts": the count from the summary, and the list one click away, as of
// the date the pane shows.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../../addin/App';
import type { ApiClient } from '../../../../addin/api/client';
import type { ContractJson, ContractsResponse } from '../../../../server/http/schemas/contracts';
import { email, fakeApi, FakeHost, summary, type World } from '../../support/fakes';

const contract = (number: string, over: Partial<ContractJson> = {}): ContractJson => ({
  id: number,
  number,
  description: null,
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  value: 1200000,
  currency: 'USD',
  state: 'active',
  ...over,
});

const world = (active: number): World => ({
  lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] },
  summaries: { '1': summary('1', 'Contoso Retail Ltd', { contracts: { active } }) },
  transactions: { '1': [] },
});

async function openOverview(active: number, answer: ContractsResponse | Error) {
  const api = {
    ...fakeApi(world(active)),
    contracts: vi.fn(async (..._args: Parameters<ApiClient['contracts']>): Promise<ContractsResponse> => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  } satisfies ApiClient;
  render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
  await screen.findByRole('heading', { name: 'Contoso Retail Ltd' }, { timeout: 5000 });
  return api;
}

describe('Active contracts on the overview', () => {
  it('shows the count beside the other figures without loading the list', async () => {
    const api = await openOverview(2, { asOf: '2025-06-30', active: 2, items: [] });
    expect(screen.getByText('Active contracts').nextElementSibling!.textContent).toBe('2');
    expect(api.contracts).not.toHaveBeenCalled();
  });

  it('opens the list as of the summary date, in force first, with value, dates and the ended ones apart', async () => {
    const api = await openOverview(2, {
      asOf: '2025-06-30',
      active: 2,
      items: [
        contract('K-1', { description: 'Maintenance', value: 1200050 }),
        contract('K-2', { endsOn: null, value: 30000 }),
        contract('K-9', { startsOn: '2023-01-01', endsOn: '2024-12-31', state: 'ended', value: 500, currency: 'JPY' }),
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: '2 active contracts: show the list' }));
    const dialog = await screen.findByRole('dialog', { name: 'Contracts' });
    expect(api.contracts).toHaveBeenCalledWith('1', '2025-06-30', expect.anything());
    await within(dialog).findByText('K-1');
    const group = (title: string) => [...dialog.querySelectorAll(`section[aria-label="${title}"] li`)].map((li) => li.textContent);
    expect(group('In force')).toEqual([
      'K-1$12,000.50MaintenanceJan 1, 2025 – Dec 31, 2025',
      'K-2$300.00Jan 1, 2025 – open-ended',
    ]);
    expect(group('Ended')).toEqual([expect.stringMatching(/^K-9¥500/)]);
    expect(group('Not yet started')).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Contracts' })).toBeNull();
  });

  it('says so when the customer has no contracts', async () => {
    await openOverview(0, { asOf: '2025-06-30', active: 0, items: [] });
    await userEvent.click(screen.getByRole('button', { name: '0 active contracts: show the list' }));
    const dialog = await screen.findByRole('dialog', { name: 'Contracts' });
    expect(await within(dialog).findByText('No contracts')).toBeTruthy();
  });

  it('offers a retry when the list cannot be loaded', async () => {
    await openOverview(1, new Error('The collections server could not be reached.'));
    await userEvent.click(screen.getByRole('button', { name: '1 active contract: show the list' }));
    const dialog = await screen.findByRole('dialog', { name: 'Contracts' });
    expect(await within(dialog).findByText('The contracts could not be loaded')).toBeTruthy();
    // By text: while Fluent's focus trap settles the dialog may still be aria-hidden to role queries.
    expect((await within(dialog).findByText('Retry')).closest('button')).not.toBeNull();
  });
});
