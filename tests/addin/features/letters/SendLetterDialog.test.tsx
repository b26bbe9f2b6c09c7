// Send letter: the proposal (level, fee, items) and the server-rendered draft, then one post;
// "Insert into reply" opens a reply with the letter's HTML and its PDF attached (a signed link for
// hosts that fetch it themselves), "Send from server" leaves sending to the server.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, PostLetterRequest } from '../../../../addin/api/client';
import { SendLetterDialog } from '../../../../addin/features/letters/SendLetterDialog';
import type { MailHost } from '../../../../addin/office/host';
import type { CollectionLetterResponse, LetterProposalResponse } from '../../../../server/http/schemas/letters';
import { deferred, email, fakeApi, FakeHost } from '../../support/fakes';
import { activity } from '../activities/factories';
import { letterProposal as proposal } from './fixtures';


function letter(delivery: 'reply' | 'graph'): CollectionLetterResponse {
  return {
    id: 'l1', number: 'CL-000017', customerId: '1', level: 2, levelName: 'First notice', letterDate: '2025-06-30', language: 'en',
    delivery, status: 'posted', subject: 'First notice', recipient: 'ap@contoso.com', accountingCurrency: 'USD',
    totals: proposal.totals, totalAccounting: 160000, fee: proposal.fee, feeEntryId: 'f1', lines: proposal.lines,
    postedBy: 'agent', postedAt: '2025-06-30T10:00:00.000Z', htmlUrl: '/api/letters/l1.html', pdfUrl: '/api/letters/l1.pdf',
  };
}

const DRAFT = '<html><body><p>Letter <strong>Draft</strong></p><p>INV-100042</p><p>INV-100031</p></body></html>';
const SIGNED = '/letters/l1.pdf?exp=1751280000&sig=c2lnbmF0dXJl';

function setup(p: LetterProposalResponse = proposal, draft: () => Promise<string> = async () => DRAFT, mailState?: 'not_configured' | 'pending') {
  const displayReplyForm = vi.fn(async (_html: string, _attachments?: unknown) => true);
  const host: MailHost = Object.assign(new FakeHost(email('ap@contoso.com')), { displayReplyForm });
  const postLetter = vi.fn(async (_id: string, body: PostLetterRequest, _key: string) => letter(body.delivery));
  const markLetterSent = vi.fn(async () => ({ ...letter('reply'), status: 'sent' as const }));
  const api: ApiClient = {
    ...fakeApi({ lookups: {}, summaries: {}, transactions: {} }),
    letterProposal: vi.fn(async () => p),
    letterPreview: vi.fn(draft),
    letterPdfLink: vi.fn(async () => ({ url: SIGNED, expiresAt: '2025-06-30T10:40:00.000Z' })),
    postLetter,
    letterHtml: vi.fn(async () => '<html><body><h1>First notice</h1><p>INV-100042</p></body></html>'),
    letterPdfBase64: vi.fn(async () => 'JVBERi0xLjQ='),
    absoluteUrl: (path: string) => `https://collections.example${path}`,
    markLetterSent,
    ...(mailState ? { activities: vi.fn(async () => ({ items: [activity({ id: 'l1', type: 'email', status: 'completed', sync: { state: mailState } })] })) } : {}),
  };
  const onPosted = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <SendLetterDialog api={api} host={host} customerId="1" recipient="ap@contoso.com" canReply onClose={vi.fn()} onPosted={onPosted} />
    </FluentProvider>,
  );
  return { api, displayReplyForm, postLetter, markLetterSent, onPosted, user: userEvent.setup() };
}

describe('Send letter', () => {
  it('shows the level, the fee and every overdue item before anything is posted', async () => {
    const { postLetter } = setup();
    const section = await screen.findByRole('region', { name: 'Proposed letter' });
    expect(section.textContent).toContain('2 · First notice');
    expect(section.textContent).toContain('$25.00');
    expect(section.textContent).toContain('$1,600.00');
    const items = within(screen.getByRole('list', { name: 'Items in the letter' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringMatching(/^INV-100042.*60 days late\$900\.00$/), expect.stringMatching(/^INV-100031.*102 days late\$700\.00$/)]);
    expect(postLetter).not.toHaveBeenCalled();
  });

  it('shows the rendered draft, sandboxed, before the agent can post it', async () => {
    const preview = deferred<string>();
    const { postLetter } = setup(proposal, () => preview.promise);
    await screen.findByRole('region', { name: 'Proposed letter' });
    expect(screen.getByRole('button', { name: 'Insert into reply' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Send from server' }).hasAttribute('disabled')).toBe(true);
    preview.resolve(DRAFT);
    const frame = await screen.findByTitle('Preview of the letter');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(DRAFT);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send from server' }).hasAttribute('disabled')).toBe(false));
    expect(screen.getByRole('button', { name: 'Insert into reply' }).hasAttribute('disabled')).toBe(false);
    expect(postLetter).not.toHaveBeenCalled();
  });

  it('offers a retry when the draft cannot be rendered, and nothing to send meanwhile', async () => {
    setup(proposal, () => Promise.reject(new Error('The collections server could not be reached.')));
    expect(await screen.findByText('The letter could not be previewed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send from server' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('inserts the posted letter into a reply: its HTML as the body and its PDF attached', async () => {
    const { displayReplyForm, postLetter, markLetterSent, onPosted, user } = setup();
    await screen.findByTitle('Preview of the letter');
    await user.click(screen.getByRole('button', { name: 'Insert into reply' }));
    await screen.findByText('Letter CL-000017 posted');
    expect(postLetter).toHaveBeenCalledWith('1', { delivery: 'reply', level: 2, to: 'ap@contoso.com' }, expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(displayReplyForm).toHaveBeenCalledWith('<html><body><h1>First notice</h1><p>INV-100042</p></body></html>', [
      { name: 'CL-000017.pdf', url: `https://collections.example${SIGNED}`, base64: 'JVBERi0xLjQ=' },
    ]);
    expect(markLetterSent).toHaveBeenCalledWith('l1');
    expect(onPosted).toHaveBeenCalledTimes(1);
    // The rendered letter is shown sandboxed: no scripts, no access to the pane.
    const frame = screen.getByTitle('Letter CL-000017');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('First notice');
  });

  it('has the server send it instead, without opening a reply', async () => {
    const { displayReplyForm, postLetter, user } = setup();
    await screen.findByTitle('Preview of the letter');
    await user.click(screen.getByRole('button', { name: 'Send from server' }));
    expect(await screen.findByText(/queued for the server to send from Outlook to ap@contoso.com/)).toBeTruthy();
    expect(postLetter.mock.calls[0]![1]).toMatchObject({ delivery: 'graph' });
    expect(displayReplyForm).not.toHaveBeenCalled();
  });

  it('says honestly that a server without Outlook only queues the letter, and opens its PDF', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user } = setup(proposal, async () => DRAFT, 'not_configured');
    await screen.findByTitle('Preview of the letter');
    await user.click(screen.getByRole('button', { name: 'Send from server' }));
    expect(await screen.findByText(/queued for ap@contoso.com, but the server is not connected to Outlook \(development mode\): nothing is sent/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open PDF' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith(`https://collections.example${SIGNED}`, '_blank', 'noopener'));
    open.mockRestore();
  });

  it("names its overdue figure for what it is and explains, from the server's figures, what it leaves out", async () => {
    setup({ ...proposal, leftOut: { promised: 80000, disputed: 20275, held: 0 } });
    const section = await screen.findByRole('region', { name: 'Proposed letter' });
    expect(section.textContent).toContain('Overdue in this letter$1,600.00');
    expect(section.textContent).toContain('$1,002.75 promised or disputed is left out');
  });

  it('names every reason an overdue item is left out, and says nothing when none is', async () => {
    setup({ ...proposal, leftOut: { promised: 100, disputed: 200, held: 300 } });
    expect((await screen.findByRole('region', { name: 'Proposed letter' })).textContent).toContain('$6.00 promised, disputed or on hold is left out');
    cleanup();
    setup({ ...proposal, leftOut: { promised: 0, disputed: 0, held: 2500 } });
    expect((await screen.findByRole('region', { name: 'Proposed letter' })).textContent).toContain('$25.00 on hold is left out');
    cleanup();
    setup({ ...proposal, leftOut: { promised: 0, disputed: 0, held: 0 } });
    expect((await screen.findByRole('region', { name: 'Proposed letter' })).textContent).not.toContain('left out');
  });

  it('drafts the letter for the sender it answers, so the preview greets them as the posted letter will', async () => {
    const { api } = setup();
    await screen.findByTitle('Preview of the letter');
    expect(api.letterPreview).toHaveBeenCalledWith('1', { asOf: '2025-06-30', to: 'ap@contoso.com' }, expect.anything());
  });

  it('says why no letter is due, and offers nothing to send', async () => {
    setup({ ...proposal, due: false, reason: 'not_due_yet', dueOn: '2025-07-14', lines: [], fee: null });
    expect(await screen.findByText('The next letter (First notice) is due on Jul 14, 2025.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Insert into reply' })).toBeNull();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Send from server' })).toBeNull());
  });
});
