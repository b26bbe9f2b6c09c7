import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyMemory, type WorklistMemory } from '../../../../addin/features/worklist/memory';
import { ROW_HEIGHT } from '../../../../addin/features/worklist/WorklistList';
import WorklistPane from '../../../../addin/features/worklist/WorklistPane';
import { fakeApi, FakeHost, summary } from '../../support/fakes';
import { fakeLayout, fakePools } from './fakePools';

// Two shared cores: the first render of the Fluent tree can take seconds.
configure({ asyncUtilTimeout: 10_000 });

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
beforeEach(() => localStorage.clear());

function renderPane(pools = fakePools(), memory: { current: WorklistMemory } = { current: emptyMemory() }) {
  const api = fakeApi({ lookups: {}, summaries: { c33: summary('c33', 'Customer 33') }, transactions: {} });
  const view = render(<WorklistPane api={api} host={new FakeHost(null)} pools={pools} memory={memory} />);
  return { ...view, api, pools, memory };
}

const scroller = () => screen.getByRole('list', { name: 'Customers of the pool' }).parentElement!;
function scrollTo(offset: number) {
  const el = scroller();
  el.scrollTop = offset;
  fireEvent.scroll(el);
}

describe('the worklist', () => {
  it('opens on the agent’s default pool with its customers in priority order', async () => {
    const { pools } = renderPane();
    expect(await screen.findByRole('button', { name: /^Customer 1,/ })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Pool' }) as HTMLSelectElement).value).toBe('p-north');
    expect(screen.getByText('120 customers')).toBeTruthy();
    expect(pools.customers).toHaveBeenCalledWith('p-north', expect.objectContaining({ filter: null }), expect.anything());
    const first = screen.getByRole('button', { name: /^Customer 1,/ });
    expect(first.textContent).toContain('$499.99');
    expect(first.getAttribute('aria-label')).toBe('Customer 1, $499.99, C-0001 · 89 days overdue · Last contact Nov 20, 2026');
  });

  it('filters the list by a click on a bar of the chart, and the chip clears the filter', async () => {
    const { pools } = renderPane();
    const bar = await screen.findByRole('button', { name: 'Disputed: $12,345.67, 8 open items' });
    await userEvent.click(bar);
    expect(await screen.findByText('17 customers')).toBeTruthy();
    expect(pools.customers).toHaveBeenLastCalledWith('p-north', expect.objectContaining({ filter: expect.objectContaining({ kind: 'status', status: 'disputed' }) }), expect.anything());
    expect(bar.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /^Customer 7,/ }).textContent).toContain('Disputed');
    expect(screen.queryByRole('button', { name: /^Customer 1,/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Clear the filter: Disputed' }));
    expect(await screen.findByText('120 customers')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Clear the filter/ })).toBeNull();
  });

  it('filters by an aging period from the "By age" chart', async () => {
    const { pools } = renderPane();
    await userEvent.click(await screen.findByRole('tab', { name: 'By age' }));
    await userEvent.click(screen.getByRole('button', { name: '31–60: $5,000.00, 12 open items' }));
    await waitFor(() =>
      expect(pools.customers).toHaveBeenLastCalledWith('p-north', expect.objectContaining({ filter: expect.objectContaining({ kind: 'period', period: 2 }) }), expect.anything()),
    );
    expect(screen.getByRole('button', { name: 'Clear the filter: 31–60' }).textContent).toBe('Age: 31–60');
  });

  it('remembers the series an agent switched off, for that agent only', async () => {
    const first = renderPane(fakePools({ account: 'agent-1' }));
    await screen.findByRole('button', { name: /^Disputed:/ });
    const legend = screen.getByRole('group', { name: /^Series of/ });
    await userEvent.click(within(legend).getByRole('button', { name: 'None' }));
    expect(screen.queryByRole('button', { name: /^None:/ })).toBeNull();
    first.unmount();

    const again = renderPane(fakePools({ account: 'agent-1' }));
    await screen.findByRole('button', { name: /^Disputed:/ });
    await waitFor(() => expect(screen.queryByRole('button', { name: /^None:/ })).toBeNull());
    expect(within(screen.getByRole('group', { name: /^Series of/ })).getByRole('button', { name: 'None' }).getAttribute('aria-pressed')).toBe('false');
    again.unmount();

    renderPane(fakePools({ account: 'agent-2' }));
    expect(await screen.findByRole('button', { name: /^None:/ })).toBeTruthy();
  });

  it('loads the next page by the cursor as the end comes into view, each customer once', async () => {
    const { pools } = renderPane();
    await screen.findByRole('button', { name: /^Customer 1,/ });
    expect(pools.customers).toHaveBeenCalledTimes(1);
    scrollTo(50 * ROW_HEIGHT - 600);
    expect(await screen.findByRole('button', { name: /^Customer 52,/ })).toBeTruthy();
    expect(pools.customers.mock.calls[1]![1]).toMatchObject({ cursor: '50' });
    scrollTo(100 * ROW_HEIGHT - 600);
    await waitFor(() => expect(pools.customers).toHaveBeenCalledTimes(3));
    expect(pools.customers.mock.calls[2]![1]).toMatchObject({ cursor: '100' });
    scrollTo(120 * ROW_HEIGHT - 600);
    expect(await screen.findByRole('button', { name: /^Customer 120,/ })).toBeTruthy();
    expect(screen.getByText('End of the list')).toBeTruthy();
    // The list knows its length: the rows say where they stand in it.
    expect(screen.getByRole('button', { name: /^Customer 120,/ }).closest('li')!.getAttribute('aria-posinset')).toBe('120');
    expect(pools.customers).toHaveBeenCalledTimes(3);
  });

  it('goes back from a customer to the same pool, filter and row', async () => {
    const { pools, api } = renderPane();
    await userEvent.click(await screen.findByRole('button', { name: 'Promise to pay: $3,000.00, 6 open items' }));
    await screen.findByRole('button', { name: 'Clear the filter: Promise to pay' });
    await screen.findByRole('button', { name: /^Customer 1,/ });
    scrollTo(30 * ROW_HEIGHT);
    await userEvent.click(await screen.findByRole('button', { name: /^Customer 33,/ }));

    expect(await screen.findByRole('heading', { name: 'Customer 33' })).toBeTruthy();
    expect(api.summary).toHaveBeenCalledWith('c33', undefined, expect.anything());
    expect(screen.queryByRole('list', { name: 'Customers of the pool' })).toBeNull();
    const calls = pools.customers.mock.calls.length;

    await userEvent.click(screen.getByRole('button', { name: 'Back to worklist' }));
    const row = await screen.findByRole('button', { name: /^Customer 33,/ });
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(scroller().scrollTop).toBe(30 * ROW_HEIGHT);
    expect(screen.getByRole('button', { name: 'Clear the filter: Promise to pay' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Pool' }) as HTMLSelectElement).value).toBe('p-north');
    // The rows came from the memory: no request to find the place again.
    expect(pools.customers.mock.calls.length).toBe(calls);
  });

  it('switches the pool and makes it the default', async () => {
    const { pools } = renderPane();
    await screen.findByRole('button', { name: /^Customer 1,/ });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Pool' }), 'all');
    await waitFor(() => expect(pools.customers).toHaveBeenLastCalledWith('all', expect.anything(), expect.anything()));
    const star = screen.getByRole('button', { name: 'My default pool' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    await act(async () => userEvent.click(star));
    expect(pools.setDefault).toHaveBeenCalledWith('all');
    await waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true'));
  });
});
