// Statement of account in the pane: the server-rendered preview first; "Insert into reply" sends
// it once and opens a reply with its HTML and PDF (bytes and a signed link); activity statements
// ask for a period; the overview's aging history draws one stacked bar per month end.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AgingHistory } from '../../../../addin/features/overview/AgingHistory';
import { StatementDialog, type StatementApi } from '../../../../addin/features/statements/StatementDialog';
import type { MailHost } from '../../../../addin/office/host';
import type { AgingHistoryResponse, StatementResponse } from '../../../../server/http/schemas/statements';
import { email, FakeHost } from '../../support/fakes';

const PREVIEW = '<html><body><h1>Statement of account</h1><p>INV-100042</p><p>Draft</p></body></html>';
const statement: StatementResponse = {
  id: 's1', number: 'ST-000007', customerId: '1', kind: 'open_items', asOf: '2025-06-30', from: null, language: 'en', delivery: 'reply',
  mailStatus: null, recipient: null, subject: 'Statement of account Contoso · 30 Jun 2025', totals: [{ currency: 'USD', open: 160000 }],
  createdBy: 'a1', createdAt: '2025-06-30T10:00:00.000Z', htmlUrl: '/api/statements/s1.html', pdfUrl: '/api/statements/s1.pdf', created: true,
};

function setup() {
  const displayReplyForm = vi.fn(async (_html: string, _attachments?: unknown) => true);
  const host: MailHost = Object.assign(new FakeHost(email('ap@contoso.com')), { displayReplyForm });
  const api = {
    statementPreview: vi.fn(async () => PREVIEW),
    sendStatement: vi.fn(async (_id: string, _body: unknown, _key: string) => statement),
    statementPdfLink: vi.fn(async () => ({ url: '/statements/s1.pdf?exp=1&sig=x', expiresAt: '2025-06-30T10:15:00.000Z' })),
    letterHtml: vi.fn(async () => '<html><body>ST-000007</body></html>'),
    letterPdfBase64: vi.fn(async () => 'JVBERi0xLjQ='),
    absoluteUrl: (path: string) => `https://collections.example${path}`,
  } satisfies StatementApi;
  const onSent = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <StatementDialog api={api} host={host} customerId="1" recipient="ap@contoso.com" canReply onClose={vi.fn()} onSent={onSent} today="2025-06-30" />
    </FluentProvider>,
  );
  return { api, displayReplyForm, onSent, user: userEvent.setup() };
}

describe('Statement of account', () => {
  it('inserts the previewed statement into a reply, with its PDF attached, once', async () => {
    const { api, displayReplyForm, onSent, user } = setup();
    const frame = await screen.findByTitle('Preview of the statement');
    expect(frame.getAttribute('srcdoc')).toBe(PREVIEW);
    expect(api.statementPreview).toHaveBeenCalledWith('1', { kind: 'open_items', asOf: '2025-06-30' }, expect.anything());
    await user.click(screen.getByRole('button', { name: 'Insert into reply' }));
    expect(await screen.findByText('Statement ST-000007 sent')).toBeTruthy();
    expect(api.sendStatement).toHaveBeenCalledTimes(1);
    expect(api.sendStatement.mock.calls[0]![1]).toEqual({ kind: 'open_items', asOf: '2025-06-30', delivery: 'reply' });
    expect(displayReplyForm).toHaveBeenCalledWith('<html><body>ST-000007</body></html>', [
      { name: 'ST-000007.pdf', url: 'https://collections.example/statements/s1.pdf?exp=1&sig=x', base64: 'JVBERi0xLjQ=' },
    ]);
    expect(onSent).toHaveBeenCalledWith(statement);
  });

  it('asks for the period of an activity statement and refuses one that starts after it ends', async () => {
    const { api, user } = setup();
    await screen.findByTitle('Preview of the statement');
    await user.click(screen.getByRole('radio', { name: 'Activity' }));
    await waitFor(() => expect(api.statementPreview).toHaveBeenLastCalledWith('1', { kind: 'activity', asOf: '2025-06-30', from: '2025-05-31' }, expect.anything()));
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2025-07-15');
    expect(await screen.findByText('Choose a day on or before the statement date.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('Aging history', () => {
  it('draws a stacked bar per month end that reads its periods', async () => {
    const history: AgingHistoryResponse = {
      asOf: '2025-06-30', currency: 'USD',
      periods: [{ label: 'Current', fromDays: null, toDays: 0 }, { label: '1–30', fromDays: 1, toDays: 30 }],
      points: [{ asOf: '2025-05-31', amounts: [50000, 25000], balance: 75000 }, { asOf: '2025-06-30', amounts: [10000, 0], balance: 10000 }],
    };
    const api = { agingHistory: vi.fn(async () => history) };
    render(
      <FluentProvider theme={webLightTheme}>
        <AgingHistory api={api} customerId="1" asOf="2025-06-30" />
      </FluentProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Aging history' })).toBeTruthy();
    expect(api.agingHistory).toHaveBeenCalledWith('1', { months: 12, asOf: '2025-06-30' }, expect.anything());
    const bars = screen.getAllByRole('group').filter((g) => /: \$/.test(g.getAttribute('aria-label') ?? ''));
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([expect.stringMatching(/May.*\$750\.00$/), expect.stringMatching(/Jun 30.*\$100\.00$/)]);
    expect(screen.getByRole('img', { name: /1–30 days: \$250\.00/ })).toBeTruthy();
  });
});
