// "Attach to reply" for ledger entries with a document link (the invoice copy): the transactions
// grid (a paper clip on the row, and the Actions menu for the keyboard) and the mentions box open a
// reply with the copy attached by its link, say so, and say when no reply could open.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../../addin/App';
import { Mentions } from '../../../../addin/features/mentions/Mentions';
import type { MailHost, MailItemSnapshot, ReplyAttachment } from '../../../../addin/office/host';
import { email, fakeApi, FakeHost, summary, tx, type World } from '../../support/fakes';

const LINK = 'https://erp.example.com/invoices/INV-1001.pdf';

const world = (): World => ({
  lookups: { 'ap@contoso.com': [{ id: '1', account: 'C-1', name: 'Contoso Retail Ltd', matchedBy: 'contact' }] },
  summaries: { '1': summary('1', 'Contoso Retail Ltd') },
  transactions: {
    '1': [tx('INV-1001', { id: 'a', documentUrl: LINK, daysOverdue: 12 }), tx('INV-1002', { id: 'b', documentUrl: null, dueDate: '2025-05-02' })],
  },
});

function replyingHost(item: MailItemSnapshot | null, result: () => Promise<boolean> = async () => true) {
  const displayReplyForm = vi.fn(async (_html: string, _attachments?: ReplyAttachment[]) => result());
  const host: MailHost = Object.assign(new FakeHost(item), { displayReplyForm });
  return { host, displayReplyForm };
}

async function openGrid(host: MailHost) {
  const api = { ...fakeApi(world()) };
  render(<App host={host} api={api} />);
  await screen.findByRole('heading', { name: 'Contoso Retail Ltd' });
  await userEvent.click(screen.getByRole('tab', { name: 'Transactions' }));
  return screen.findByRole('grid', { name: 'Transactions' }, { timeout: 10_000 });
}

describe('Attach to reply in the transactions grid', () => {
  it('attaches the copy of a row with a document link, and offers it on no other row', async () => {
    const { host, displayReplyForm } = replyingHost(email('ap@contoso.com'));
    const grid = await openGrid(host);
    expect(within(grid).queryByRole('button', { name: 'Attach INV-1002 to reply' })).toBeNull();
    await userEvent.click(within(grid).getByRole('button', { name: 'Attach INV-1001 to reply' }));
    expect(await screen.findByText('INV-1001 attached to a reply')).toBeTruthy();
    expect(displayReplyForm).toHaveBeenCalledTimes(1);
    const [html, attachments] = displayReplyForm.mock.calls[0]!;
    expect(html).toContain('INV-1001');
    expect(attachments).toEqual([{ name: 'INV-1001.pdf', url: LINK }]);
    // Attaching is not selecting: the row stays unselected.
    expect((within(grid).getByRole('checkbox', { name: 'Select INV-1001' }) as HTMLInputElement).checked).toBe(false);
  });

  it('attaches from the Actions menu for the one selected row with a link', async () => {
    const { host, displayReplyForm } = replyingHost(email('ap@contoso.com'));
    const grid = await openGrid(host);
    await userEvent.click(within(grid).getByRole('checkbox', { name: 'Select INV-1002' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    expect(screen.getByRole('menuitem', { name: 'Attach to reply' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(within(grid).getByRole('checkbox', { name: 'Select INV-1002' }));
    await userEvent.click(within(grid).getByRole('checkbox', { name: 'Select INV-1001' }));
    await userEvent.click(screen.getByRole('button', { name: 'Actions (1)' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Attach to reply' }));
    expect(await screen.findByText('INV-1001 attached to a reply')).toBeTruthy();
    expect(displayReplyForm.mock.calls[0]![1]).toEqual([{ name: 'INV-1001.pdf', url: LINK }]);
  });

  it('shows the mail client’s refusal with a retry that attaches once it works', async () => {
    let fail = true;
    const { host, displayReplyForm } = replyingHost(email('ap@contoso.com'), async () => {
      if (fail) throw new Error('The reply form could not open: busy.');
      return true;
    });
    const grid = await openGrid(host);
    await userEvent.click(within(grid).getByRole('button', { name: 'Attach INV-1001 to reply' }));
    expect(await screen.findByText('INV-1001 could not be attached')).toBeTruthy();
    expect(screen.getByText('The reply form could not open: busy.')).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('INV-1001 attached to a reply')).toBeTruthy();
    expect(displayReplyForm).toHaveBeenCalledTimes(2);
  });

  it('warns when the host opens no reply', async () => {
    const { host } = replyingHost(email('ap@contoso.com'), async () => false);
    const grid = await openGrid(host);
    await userEvent.click(within(grid).getByRole('button', { name: 'Attach INV-1001 to reply' }));
    expect(await screen.findByText('INV-1001 was not attached')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('INV-1001 was not attached')).toBeNull());
  });

  it('offers nothing where the host has no reply forms', async () => {
    const grid = await openGrid(new FakeHost(email('ap@contoso.com')));
    expect(within(grid).queryByRole('button', { name: /^Attach / })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    expect(screen.queryByRole('menuitem', { name: 'Attach to reply' })).toBeNull();
  });

  it('offers nothing while the agent writes an email', async () => {
    const draft: MailItemSnapshot = { ...email('ap@contoso.com'), mode: 'compose' };
    const { host } = replyingHost(draft);
    const grid = await openGrid(host);
    expect(within(grid).queryByRole('button', { name: /^Attach / })).toBeNull();
  });
});

describe('Attach to reply in the mentions box', () => {
  it('attaches the copy of a named document with a link and says how late it is', async () => {
    const item = email('ap@contoso.com', { subject: 'Invoices INV-1001 and INV-1002', body: 'Could you send INV-1001 and INV-1002 again?' });
    const { host, displayReplyForm } = replyingHost(item);
    render(
      <FluentProvider theme={webLightTheme}>
        <Mentions api={fakeApi(world())} host={host} item={item} customerId="1" asOf={undefined} refreshKey={0} onChanged={vi.fn()} />
      </FluentProvider>,
    );
    const box = await screen.findByRole('region', { name: 'Mentioned in this email' });
    expect(within(box).getByText('12 days late')).toBeTruthy();
    expect(within(box).queryByRole('button', { name: 'Attach to reply: INV-1002' })).toBeNull();
    await userEvent.click(within(box).getByRole('button', { name: 'Attach to reply: INV-1001' }));
    expect(await within(box).findByText('INV-1001 attached to a reply')).toBeTruthy();
    expect(displayReplyForm.mock.calls[0]![1]).toEqual([{ name: 'INV-1001.pdf', url: LINK }]);
  });
});
