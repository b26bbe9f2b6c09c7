// Holds, interest and NSF from the built pane in Chromium: an invoice put on hold from the grid
// (shown in its row, left out of the letter) and lifted; the customer put on hold from the header
// (shown there, no letter due) and lifted; an interest note reviewed (held and disputed items left
// out), posted, seen in the grid and the timeline and reprinted as a PDF; a payment returned unpaid
// with the NSF fee charged. Screenshots of the hold, interest and NSF dialogs at 320 px.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { InterestNotesResponse } from '../../server/http/schemas/interest';
import type { LetterProposalResponse } from '../../server/http/schemas/letters';
import type { PreviewEmail, PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { CustomerSummary } from '../../server/http/schemas/summary';
import type { TransactionItem, TransactionsResponse } from '../../server/http/schemas/transactions';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

describe.skipIf(skipReason !== null)('holds, interest and NSF from the pane (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pane: Frame;
  let customer: LookupResponse['matches'][number];
  let overdue: TransactionItem[];
  let payment: TransactionItem;
  const errors: string[] = [];

  const open = (id: string) => server.getJson<TransactionsResponse>(`/api/customers/${id}/transactions?status=open`);
  const shot = (name: string) => page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, name) });
  const post = async (url: string, payload: object) => {
    const res = await server.app.inject({ method: 'POST', url, payload, headers: { 'idempotency-key': crypto.randomUUID() } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  /** A preview email from one customer with three overdue invoices without a status and a payment it could return. */
  async function emailOfCustomer(): Promise<PreviewEmail> {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    for (const email of emails) {
      const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
      if (matches.length !== 1) continue;
      const summary = await server.getJson<CustomerSummary>(`/api/customers/${matches[0]!.id}/summary`);
      if (summary.customer.hold || summary.customer.status !== 'active') continue;
      const items = (await open(matches[0]!.id)).items.filter((t) => t.kind === 'invoice' && t.daysOverdue > 0 && t.open > 100 && t.collectionStatus === 'none' && !t.hold);
      const all = await server.getJson<TransactionsResponse>(`/api/customers/${matches[0]!.id}/transactions?status=all`);
      const paid = all.items.filter((t) => t.kind === 'payment' && t.currency === 'USD' && t.amount < 0);
      if (items.length >= 3 && paid.length > 0) {
        [customer, overdue, payment] = [matches[0]!, items, paid.at(-1)!];
        return email as PreviewEmail;
      }
    }
    throw new Error('no demo email from a customer with three overdue invoices and a USD payment');
  }

  async function actions(item: string) {
    await pane.getByRole('button', { name: /^Actions/ }).click();
    await pane.getByRole('menuitem', { name: item }).click();
  }
  const select = (document: string) => pane.getByRole('checkbox', { name: `Select ${document}` }).check();

  beforeAll(async () => {
    ensureAddinBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium(executablePath)]);
    mkdirSync(artifactsDir, { recursive: true });
    const email = await emailOfCustomer();
    page = await openPreview(browser, server.baseUrl);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    pane = await paneFrame(page);
    await pane.getByRole('heading', { name: customer.name }).waitFor({ timeout: 15_000 });
    await pane.getByRole('tab', { name: 'Transactions' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts an invoice on hold from the grid, leaves it out of the letter, and lifts it', async () => {
    const held = overdue[0]!;
    await select(held.document);
    await actions('Put on hold…');
    const dialog = pane.getByRole('dialog', { name: 'Put on hold' });
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Credit note pending');
    await dialog.getByRole('region', { name: 'Effect' }).getByText(`${held.document}: on hold until lifted`).waitFor();
    await shot('hold-dialog-320.png');
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pane.getByLabel('On hold: Credit note pending · until lifted').waitFor();
    expect((await open(customer.id)).items.find((t) => t.id === held.id)?.hold).toMatchObject({ reason: 'Credit note pending', until: null });
    const letter = await server.getJson<LetterProposalResponse>(`/api/customers/${customer.id}/letters/proposal`);
    expect(letter.lines.map((l) => l.document)).not.toContain(held.document);
    expect(letter.leftOut?.held).toBe(held.openAccounting);

    await select(held.document);
    await actions('Lift hold…');
    const lift = pane.getByRole('dialog', { name: 'Lift hold' });
    await lift.getByRole('region', { name: 'Effect' }).getByText(/hold lifted \(Credit note pending\)/).waitFor();
    await lift.getByRole('button', { name: 'Lift hold' }).click();
    await lift.waitFor({ state: 'detached' });
    await pane.getByLabel('On hold: Credit note pending · until lifted').waitFor({ state: 'detached' });
    expect((await open(customer.id)).items.find((t) => t.id === held.id)?.hold).toBeNull();
  });

  it('puts the customer on hold from the header: shown there, no letter due; then lifts it', async () => {
    await pane.getByRole('button', { name: 'More actions' }).click();
    await pane.getByRole('menuitem', { name: 'Put customer on hold…' }).click();
    const dialog = pane.getByRole('dialog', { name: `Put ${customer.name} on hold` });
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Insolvency filing');
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pane.getByText('On hold until lifted').waitFor();
    const letter = await server.getJson<LetterProposalResponse>(`/api/customers/${customer.id}/letters/proposal`);
    expect(letter).toMatchObject({ due: false, reason: 'excluded' });

    await pane.getByRole('button', { name: 'More actions' }).click();
    await pane.getByRole('menuitem', { name: 'Lift customer hold…' }).click();
    const lift = pane.getByRole('dialog', { name: 'Lift hold' });
    await lift.getByRole('button', { name: 'Lift hold' }).click();
    await lift.waitFor({ state: 'detached' });
    await pane.getByText('On hold until lifted').waitFor({ state: 'detached' });
    expect((await server.getJson<CustomerSummary>(`/api/customers/${customer.id}/summary`)).customer.hold).toBeNull();
  });

  it('posts an interest note without the held and disputed items, shows it in the grid and the timeline, and reprints it as a PDF', async () => {
    const [held, disputed] = [overdue[1]!, overdue[2]!];
    await post('/api/interest/codes', { code: 'STD', description: 'Late-payment interest', rateBp: 150, period: 'month', graceDays: 0, minimum: 0, currency: 'USD', isDefault: true });
    await post(`/api/customers/${customer.id}/holds`, { transactionIds: [held.id], reason: 'Credit check' });
    await post(`/api/customers/${customer.id}/transactions/status`, {
      transactionIds: [disputed.id], versions: { [disputed.id]: disputed.version }, status: 'disputed', dispute: { reasonCode: 'price' },
    });
    await pane.getByRole('button', { name: 'Refresh' }).click();
    await pane.getByLabel('On hold: Credit check · until lifted').waitFor();

    await actions('Interest…');
    const dialog = pane.getByRole('dialog', { name: 'Interest' });
    const leftOut = dialog.getByRole('region', { name: 'Left out' });
    await leftOut.getByText(`${held.document}: on hold`).waitFor();
    await leftOut.getByText(`${disputed.document}: disputed`).waitFor();
    const proposed = dialog.getByRole('region', { name: 'Interest in USD' });
    expect(await proposed.getByText(held.document, { exact: true }).count()).toBe(0);
    expect(await proposed.getByText(disputed.document, { exact: true }).count()).toBe(0);
    await proposed.getByText(overdue[0]!.document, { exact: true }).waitFor();
    await shot('interest-dialog-320.png');
    await dialog.getByRole('button', { name: 'Post note' }).click();
    await dialog.getByText(/^Posted IN-\d{6}/).waitFor();
    const { items: notes } = await server.getJson<InterestNotesResponse>(`/api/interest/notes?customerId=${customer.id}`);
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(note.lines.map((l) => l.document)).not.toContain(held.document);
    expect(note.lines.map((l) => l.document)).not.toContain(disputed.document);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    const grid = pane.getByRole('grid', { name: 'Transactions' });
    await grid.getByText(note.number, { exact: true }).waitFor();
    expect((await open(customer.id)).items.find((t) => t.document === note.number)).toMatchObject({ kind: 'interest', open: note.total });

    await select(note.number);
    await actions('Reprint…');
    const reprint = pane.getByRole('dialog', { name: 'Reprint' });
    const pdf = page.waitForResponse((r) => r.url().endsWith(`/api/interest/notes/${note.id}.pdf`));
    const opened = page.context().waitForEvent('page');
    await reprint.getByRole('button', { name: `Open ${note.number}` }).click();
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await opened).url()).toMatch(/^blob:/);
    await reprint.getByRole('button', { name: 'Close' }).click();
    await reprint.waitFor({ state: 'detached' });

    await pane.getByRole('tab', { name: 'Timeline' }).click();
    await pane.getByText(note.number, { exact: true }).first().waitFor();
    await pane.getByRole('tab', { name: 'Transactions' }).click();
  });

  it('returns a payment unpaid with the NSF fee: the reversing debit and the fee show in the grid', async () => {
    expect(payment.nsfFee).toBe(2_500);
    await pane.getByRole('switch', { name: 'Include settled transactions' }).check();
    await select(payment.document);
    await actions('NSF payment…');
    const dialog = pane.getByRole('dialog', { name: 'NSF payment' });
    const fee = dialog.getByRole('checkbox', { name: 'Charge the NSF fee ($25.00)' });
    expect(await fee.isChecked()).toBe(true);
    await dialog.getByRole('region', { name: 'Effect' }).getByText(/^NSF fee of \$25\.00 charged on/).waitFor();
    await shot('nsf-dialog-320.png');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    const grid = pane.getByRole('grid', { name: 'Transactions' });
    await grid.getByText(`NSF-FEE-${payment.document}`, { exact: true }).waitFor();
    // The reversing debit is settled by the payment it reverses: it shows among the settled ones.
    await pane.getByRole('switch', { name: 'Include settled transactions' }).check();
    await grid.getByText(`NSF-${payment.document}`, { exact: true }).waitFor();
    const after = (await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=all`)).items;
    expect(after.find((t) => t.document === `NSF-${payment.document}`)).toMatchObject({ kind: 'nsf_reversal', amount: -payment.amount, currency: payment.currency });
    expect(after.find((t) => t.document === `NSF-FEE-${payment.document}`)).toMatchObject({ kind: 'fee', amount: 2_500, open: 2_500, currency: 'USD' });
    expect(errors).toEqual([]);
  });
});
