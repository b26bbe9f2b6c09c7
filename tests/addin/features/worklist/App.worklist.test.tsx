import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../../addin/App';
import { email, fakeApi, FakeHost, summary } from '../../support/fakes';
import { fakeLayout, fakePools } from './fakePools';

configure({ asyncUtilTimeout: 10_000 });
let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());

const world = () => ({
  lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' as const }] },
  summaries: { '1': summary('1', 'Contoso Retail Ltd') },
  transactions: {},
});

describe('the worklist in the pane', () => {
  it('shows the worklist while no email is selected', async () => {
    render(<App host={new FakeHost(null)} api={fakeApi(world())} pools={fakePools()} />);
    expect(await screen.findByRole('heading', { name: 'Select an email from a customer' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Worklist' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /^Customer 1,/ })).toBeTruthy();
  });

  it('opens from the email’s customer with the "Worklist" button, and closes back to that customer', async () => {
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={fakeApi(world())} pools={fakePools()} />);
    await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
    await userEvent.click(screen.getByRole('button', { name: 'Worklist' }));
    expect(await screen.findByRole('button', { name: /^Customer 1,/ })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Contoso Retail Ltd' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(await screen.findByRole('heading', { name: 'Contoso Retail Ltd' })).toBeTruthy();
  });

  it('keeps its place while an email comes and goes', async () => {
    const host = new FakeHost(null);
    const pools = fakePools();
    render(<App host={host} api={fakeApi(world())} pools={pools} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Disputed: / }));
    await screen.findByRole('button', { name: 'Clear the filter: Disputed' });
    host.select(email('ap@contoso.com'));
    await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
    host.select(null);
    expect(await screen.findByRole('button', { name: 'Clear the filter: Disputed' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /^Customer 7,/ })).toBeTruthy();
  });
});
