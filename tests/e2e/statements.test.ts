// Statements, invoice copies and the aging history in the built pane in Chromium: the overview
// draws a bar per month end; the mentions box and the transactions grid attach an invoice's copy
// (its ledger link) to a reply; "Statement of account" inserts the statement into a reply (HTML
// body, PDF through the signed link) and the timeline shows it. Screenshots at 320 px.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyForm } from '../../addin/preview/fake-office';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { AgingHistoryResponse } from '../../server/http/schemas/statements';
import type { TimelineResponse } from '../../server/http/schemas/timeline';
import type { TransactionItem, TransactionsResponse } from '../../server/http/schemas/transactions';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

/** What the simulated Outlook was asked to open, oldest first. */
function replyForms(page: Page): Promise<ReplyForm[]> {
  return page.evaluate(
    () => (window as unknown as { collectionsPreviewOffice: { context: { mailbox: { replyForms: ReplyForm[] } } } }).collectionsPreviewOffice.context.mailbox.replyForms,
  );
}

/** Closes the reply form the preview page shows over the pane. */
async function closeReply(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.skipIf(skipReason !== null)('statements, invoice copies and the aging history (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureAddinBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium(executablePath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A preview email from one customer that names an open invoice whose copy the ledger links to. */
  async function emailNamingALinkedInvoice() {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    for (const email of emails) {
      const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
      if (matches.length !== 1) continue;
      const customer = matches[0]!;
      const open = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
      const text = `${email.subject}\n${email.body}`;
      const linked = open.items.find((t) => t.kind === 'invoice' && t.documentUrl && t.daysOverdue > 0 && text.includes(t.document));
      if (linked) return { email, customer, open: open.items, linked: linked as TransactionItem & { documentUrl: string } };
    }
    throw new Error('no demo email names an overdue invoice with a document link');
  }

  it('draws the aging history, attaches invoice copies and inserts a statement into a reply', async () => {
    const { email, customer, open, linked } = await emailNamingALinkedInvoice();
    const history = await server.getJson<AgingHistoryResponse>(`/api/customers/${customer.id}/aging-history?months=12`);
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    const pane = await paneFrame(page);
    const frame = page.locator('iframe[title="Collections task pane"]');
    await pane.getByRole('heading', { name: customer.name }).waitFor({ timeout: 15_000 });
    mkdirSync(artifactsDir, { recursive: true });

    // The overview: one bar per month end, then the as-of date, each named by its month and total.
    const chart = pane.getByRole('region', { name: 'Aging history' });
    await chart.waitFor({ timeout: 15_000 });
    expect(history.points).toHaveLength(13);
    const bars = chart.getByRole('group', { name: /^[^:]+: / });
    expect(await bars.count()).toBe(history.points.length);
    for (const point of history.points.slice(0, -1)) {
      const date = new Date(`${point.asOf}T00:00:00Z`);
      // A month end: the next day starts a month.
      expect(new Date(date.getTime() + 86_400_000).getUTCDate()).toBe(1);
      const month = new Intl.DateTimeFormat('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
      expect(await chart.getByRole('group', { name: new RegExp(`^${escapeRegExp(month)}: `) }).count()).toBe(1);
    }
    expect(await chart.getByRole('img').count()).toBeGreaterThan(0);

    // The mentions box: the named invoice, how late it is (never a word alone on a line), its copy.
    const mentions = pane.getByRole('region', { name: 'Mentioned in this email' });
    await mentions.waitFor({ timeout: 15_000 });
    const late = mentions.getByText(`${linked.daysOverdue} days late`, { exact: true });
    expect(await late.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    await chart.scrollIntoViewIfNeeded();
    await frame.screenshot({ path: path.join(artifactsDir, 'overview-aging-history-320.png') });
    await mentions.scrollIntoViewIfNeeded();
    await frame.screenshot({ path: path.join(artifactsDir, 'mentions-attach-320.png') });
    await mentions.getByRole('button', { name: `Attach to reply: ${linked.document}` }).click();
    await mentions.getByText(`${linked.document} attached to a reply`).waitFor();
    const copy = { type: 'file', name: `${linked.document}.pdf`, url: linked.documentUrl };
    let forms = await replyForms(page);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.attachments).toEqual([copy]);
    expect(forms[0]!.htmlBody).toContain(linked.document);
    await closeReply(page);

    // The statement: previewed, then inserted into a reply with its PDF behind a signed link.
    await pane.getByRole('button', { name: 'Other activities and letter runs' }).click();
    await pane.getByRole('menuitem', { name: 'Statement of account…' }).click();
    const dialog = pane.getByRole('dialog', { name: 'Statement of account' });
    const preview = dialog.locator('iframe[title="Preview of the statement"]');
    await preview.waitFor({ timeout: 15_000 });
    const previewHtml = (await preview.getAttribute('srcdoc'))!;
    for (const t of open) expect(previewHtml).toContain(t.document);
    await frame.screenshot({ path: path.join(artifactsDir, 'statement-dialog-320.png') });
    await dialog.getByRole('button', { name: 'Insert into reply' }).click();
    const sent = dialog.getByText(/^Statement \S+ sent$/);
    await sent.waitFor({ timeout: 15_000 });
    const number = (await sent.innerText()).split(' ')[1]!;

    forms = await replyForms(page);
    expect(forms).toHaveLength(2);
    const form = forms[1]!;
    expect(form.htmlBody).toContain(number);
    for (const t of open) expect(form.htmlBody).toContain(t.document);
    // The preview host is older than Mailbox 1.15: it gets the signed link, which needs no sign-in.
    expect(form.attachments).toEqual([
      { type: 'file', name: `${number}.pdf`, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/statements\/[\w-]+\.pdf\?exp=\d+&sig=[\w-]{43}$/) },
    ]);
    const pdf = await fetch(form.attachments![0]!.url!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Kept beside the screenshots, to look at as the customer will (pdftoppm).
    writeFileSync(path.join(artifactsDir, 'statement.pdf'), bytes);
    await closeReply(page);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The timeline shows the statement sent, as the server stored it.
    const timeline = await server.getJson<TimelineResponse>(`/api/customers/${customer.id}/timeline`);
    expect(timeline.entries.filter((e) => e.type === 'statement').map((e) => e.title)).toEqual([number]);
    await pane.getByRole('tab', { name: 'Timeline' }).click();
    await pane.getByRole('button', { name: new RegExp(`Statement of account\\s*${escapeRegExp(number)}`) }).waitFor({ timeout: 15_000 });

    // The transactions grid: the paper clip of the linked invoice attaches its copy too.
    await pane.getByRole('tab', { name: 'Transactions' }).click();
    const grid = pane.getByRole('grid', { name: 'Transactions' });
    await grid.waitFor({ timeout: 15_000 });
    const unlinked = open.filter((t) => !t.documentUrl);
    for (const t of unlinked) expect(await grid.getByRole('button', { name: `Attach ${t.document} to reply` }).count()).toBe(0);
    await grid.getByRole('button', { name: `Attach ${linked.document} to reply` }).click();
    await pane.getByText(`${linked.document} attached to a reply`).waitFor();
    forms = await replyForms(page);
    expect(forms).toHaveLength(3);
    expect(forms[2]!.attachments).toEqual([copy]);
    await closeReply(page);
    await grid.getByRole('button', { name: `Attach ${linked.document} to reply` }).scrollIntoViewIfNeeded();
    await frame.screenshot({ path: path.join(artifactsDir, 'transactions-attach-320.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
