// Editing an activity someone else changed meanwhile: the dialog sends the version it read
// (If-Match), and on 412 shows "changed by someone else" with the current values to redo the edit on.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type ApiClient } from '../../../../addin/api/client';
import { EditActivityDialog } from '../../../../addin/features/activities/EditActivityDialog';
import type { UpdateActivityRequest } from '../../../../server/http/schemas/activities';
import { fakeApi } from '../../support/fakes';
import { activity, edited } from './factories';

describe('Edit activity dialog', () => {
  it('sends the version it read, and on a stale one shows the current values to save again', async () => {
    const user = userEvent.setup();
    const current = activity({ id: 'a1', purpose: 'Call back', notes: 'Changed by Bo', version: 3 });
    const updateActivity = vi
      .fn<(id: string, body: UpdateActivityRequest, signal?: AbortSignal, version?: number) => Promise<ReturnType<typeof activity>>>()
      .mockRejectedValueOnce(new ApiError('activity_changed', 412, 'The activity was changed by someone else.', { field: 'If-Match', current }))
      .mockImplementation(async (id, body, _signal, version) => edited(id, body, { version: (version ?? 0) + 1 }));
    const api: ApiClient = { ...fakeApi({ lookups: {}, summaries: {}, transactions: {} }), updateActivity };
    const onSaved = vi.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <EditActivityDialog api={api} activity={activity({ id: 'a1', purpose: 'Call back', notes: 'Old', version: 2 })} onClose={vi.fn()} onSaved={onSaved} />
      </FluentProvider>,
    );
    const notes = await screen.findByRole('textbox', { name: 'Notes' });
    await user.clear(notes);
    await user.type(notes, 'Mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else/)).toBeTruthy();
    expect(updateActivity).toHaveBeenCalledWith('a1', { notes: 'Mine' }, undefined, 2);
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('Changed by Bo');
    expect(onSaved).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: 'Notes' }), ' and mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(updateActivity).toHaveBeenLastCalledWith('a1', { notes: 'Changed by Bo and mine' }, undefined, 3);
  });

  it('puts the version in an If-Match header', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify(activity()), { status: 200 }));
    const client = createApiClient({ baseUrl: 'https://collections.example', fetch });
    await client.updateActivity('a1', { notes: 'x' }, undefined, 7);
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['if-match']).toBe('"7"');
    await client.updateActivity('a1', { status: 'completed' });
    expect(fetch.mock.calls[1]![1]!.headers).not.toHaveProperty('if-match');
  });
});
