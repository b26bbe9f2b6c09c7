// After saving an activity from the action bar, the pane confirms it (a toast) and shows it.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../../addin/App';
import type { Activity, CreateActivityRequest } from '../../../../server/http/schemas/activities';
import { email, fakeApi, FakeHost, summary } from '../../support/fakes';
import { activity } from './factories';

describe('saving a call', () => {
  it('says it was saved and shows the new activity in the Activities tab', async () => {
    const saved: Activity[] = [];
    const api = {
      ...fakeApi({
        lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] },
        summaries: { '1': summary('1', 'Contoso Retail Ltd') },
        transactions: {},
      }),
      activities: vi.fn(async () => ({ items: [...saved] })),
      createActivity: vi.fn(async (_id: string, body: CreateActivityRequest) => {
        const a = activity({ id: 'new', purpose: body.purpose, outcome: body.outcome ?? null });
        saved.push(a);
        return a;
      }),
    };
    render(<App host={new FakeHost(email('ap@contoso.com'))} api={api} />);
    await screen.findByRole('heading', { name: 'Contoso Retail Ltd' }, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'Log call' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log activity' }, { timeout: 5000 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reached' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Call saved: Reached')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Activities' }).getAttribute('aria-selected')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Activities' }, { timeout: 5000 });
    expect(within(list).getByRole('listitem', { name: 'Call: Collection call' })).toBeTruthy();
  });
});
