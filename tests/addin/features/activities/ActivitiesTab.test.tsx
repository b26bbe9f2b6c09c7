// The Activities tab: each activity with its Outlook sync state (a failure says why), and the
// actions complete and cancel, which reload what the activity changes.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../addin/api/client';
import ActivitiesTab from '../../../../addin/features/activities/ActivitiesTab';
import type { Activity, UpdateActivityRequest } from '../../../../server/http/schemas/activities';
import { fakeApi } from '../../support/fakes';
import { activity, edited } from './factories';

function setup(items: Activity[]) {
  const updateActivity = vi.fn(async (id: string, body: UpdateActivityRequest) => edited(id, body));
  const api: ApiClient = {
    ...fakeApi({ lookups: {}, summaries: {}, transactions: {} }),
    activities: vi.fn(async () => ({ items })),
    updateActivity,
  };
  const onChanged = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <ActivitiesTab api={api} customerId="1" asOf={undefined} refreshKey={0} onChanged={onChanged} />
    </FluentProvider>,
  );
  return { updateActivity, onChanged };
}

describe('Activities tab', () => {
  it('shows each activity with its Outlook sync state, and why a sync failed', async () => {
    setup([
      activity({ id: 'a1', purpose: 'Call about INV-1', outcome: 'promise_to_pay', sync: { state: 'not_configured' } }),
      activity({ id: 'a2', purpose: 'Follow-up', type: 'task', sync: { state: 'pending' } }),
      activity({ id: 'a3', purpose: 'Meeting', type: 'appointment', sync: { state: 'synced', eventId: 'ev1' } }),
      activity({ id: 'a4', purpose: 'Call back', sync: { state: 'failed', error: 'Graph answered 403 Forbidden' } }),
    ]);
    const list = await screen.findByRole('list', { name: 'Activities' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Call: Call about INV-1', 'Task: Follow-up', 'Appointment: Meeting', 'Call: Call back',
    ]);
    expect(rows[0]!.textContent).toContain('Promise to pay');
    expect(rows[0]!.textContent).toContain('Not synced to Outlook');
    expect(rows[1]!.textContent).toContain('Syncing to Outlook');
    expect(rows[2]!.textContent).toContain('In Outlook');
    expect(rows[3]!.textContent).toContain('Outlook sync failed: Graph answered 403 Forbidden');
  });

  it('completes and cancels an open activity, then reloads the customer', async () => {
    const user = userEvent.setup();
    const { updateActivity, onChanged } = setup([activity({ id: 'a1', purpose: 'Call back' }), activity({ id: 'a2', purpose: 'Done', status: 'completed' })]);
    // Only open activities can be changed.
    await screen.findByRole('list', { name: 'Activities' });
    expect(screen.queryByRole('button', { name: 'Actions for Done' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Actions for Call back' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Complete' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('button', { name: 'Actions for Call back' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Cancel activity' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(updateActivity.mock.calls.map((c) => [c[0], c[1]])).toEqual([['a1', { status: 'completed' }], ['a1', { status: 'cancelled' }]]);
  });

  it('sends only what the agent changed when editing', async () => {
    const user = userEvent.setup();
    const { updateActivity } = setup([activity({ id: 'a1', purpose: 'Call back', notes: 'Ask for remittance' })]);
    await user.click(await screen.findByRole('button', { name: 'Actions for Call back' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const notes = await screen.findByRole('textbox', { name: 'Notes' });
    await user.clear(notes);
    await user.type(notes, 'Remittance promised by Friday');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateActivity).toHaveBeenCalledWith('a1', { notes: 'Remittance promised by Friday' }));
  });
});
