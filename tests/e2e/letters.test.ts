// Sending a collection letter from the built pane in Chromium: the proposal and its rendered draft,
// the letter inserted into a reply (HTML body, PDF attached through a signed link), then the
// timeline shows it with level and fee and the customer's balance includes the fee. The letter comes
// from the demo seller and greets the contact who wrote. Screenshots of the draft and the posted
// letter in the 320 px pane.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../addin/ui/format';
import { SELLER } from '../../server/demo/names';
import { addDays, todayIn } from '../../server/domain/dates';
import type { ReplyForm } from '../../addin/preview/fake-office';
import type { LetterProposalResponse } from '../../server/http/schemas/letters';
import type { PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { CustomerSummary } from '../../server/http/schemas/summary';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

describe.skipIf(skipReason !== null)('sending a letter from the pane (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureAddinBuilt();
    // As `npm start` runs it: on the demo company, whose letterhead is its seller's.
    [server, browser] = await Promise.all([startServer({ env: { DEMO_DATA: '1' } }), launchChromium(executablePath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A preview email whose sender is a named contact of one customer due a letter with a fee today.
   * The first level charges none, so a first letter is posted a month ago, through the API, to make
   * the second due.
   */
  async function emailDueALetterWithFee() {
    const monthAgo = addDays(todayIn('UTC', new Date()), -31);
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    for (const email of emails) {
      const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
      if (matches.length !== 1) continue;
      const id = matches[0]!.id;
      const contact = await server.app.db.selectFrom('contacts').select('name')
        .where('customer_id', '=', id).where('email', '=', email.from.emailAddress.toLowerCase()).executeTakeFirst();
      if (!contact?.name) continue;
      const earlier = await server.getJson<LetterProposalResponse>(`/api/customers/${id}/letters/proposal?asOf=${monthAgo}`);
      if (!earlier.due) continue;
      const posted = await fetch(`${server.baseUrl}/api/customers/${id}/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ delivery: 'reply', asOf: monthAgo, level: earlier.level!.level }),
      });
      if (!posted.ok) throw new Error(`e2e: posting the first letter answered ${posted.status}: ${await posted.text()}`);
      const proposal = await server.getJson<LetterProposalResponse>(`/api/customers/${id}/letters/proposal`);
      if (proposal.due && proposal.fee && proposal.fee.amount > 0) return { email, proposal, contactName: contact.name };
    }
    throw new Error('no demo email from a customer due a letter with a fee');
  }

  it('proposes, previews and sends a letter; the timeline and the balance show it', async () => {
    const { email, proposal, contactName } = await emailDueALetterWithFee();
    const customerId = proposal.customer.id;
    const before = await server.getJson<CustomerSummary>(`/api/customers/${customerId}/summary`);
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    const pane = await paneFrame(page);
    await pane.getByRole('heading', { name: proposal.customer.name }).waitFor({ timeout: 15_000 });

    await pane.getByRole('button', { name: 'Send letter' }).click();
    const dialog = pane.getByRole('dialog');
    const shown = await dialog.getByRole('region', { name: 'Proposed letter' }).innerText();
    expect(shown).toContain(`${proposal.level!.level} · ${proposal.level!.name}`);
    expect(shown).toContain(formatMoney(proposal.fee!.amount, proposal.fee!.currency, 'en-US'));
    for (const line of proposal.lines) expect(shown).toContain(line.document);

    // The draft as the customer will see it, before anything is posted; it fits the pane's width.
    const draftFrame = dialog.locator('iframe[title="Preview of the letter"]');
    await draftFrame.waitFor({ timeout: 15_000 });
    const draft = (await draftFrame.getAttribute('srcdoc'))!;
    expect(draft).toMatch(/Letter <strong[^>]*>Draft<\/strong>/);
    // From the demo seller, to the contact who wrote the email.
    expect(draft).toContain(`>${SELLER.name}</div>`);
    expect(draft).not.toContain('Collections for Outlook');
    expect(draft).toContain(`>Dear ${escapeHtml(contactName)},</p>`);
    for (const line of proposal.lines) expect(draft).toContain(line.document);
    // Measured inside the frame (its sandbox keeps the pane out; the browser's tooling is not).
    const letterDocument = (await (await draftFrame.elementHandle())!.contentFrame())!;
    const draftWidth = await letterDocument.evaluate(() => ({ frame: window.innerWidth, letter: document.documentElement.scrollWidth }));
    expect(draftWidth.frame).toBeGreaterThan(200);
    expect(draftWidth.letter).toBeLessThanOrEqual(draftWidth.frame);

    mkdirSync(artifactsDir, { recursive: true });
    await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, 'letter-proposal-320.png') });
    await draftFrame.scrollIntoViewIfNeeded();
    await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, 'letter-draft-320.png') });
    await dialog.getByRole('button', { name: 'Insert into reply' }).click();
    const letterFrame = dialog.locator('iframe[title^="Letter "]');
    await letterFrame.waitFor({ timeout: 15_000 });

    // The simulated Outlook got a reply form with the letter as its body and the PDF attached.
    const forms = await page.evaluate(
      () => (window as unknown as { collectionsPreviewOffice: { context: { mailbox: { replyForms: unknown[] } } } }).collectionsPreviewOffice.context.mailbox.replyForms,
    );
    expect(forms).toHaveLength(1);
    const form = forms[0] as ReplyForm;
    for (const line of proposal.lines) expect(form.htmlBody).toContain(line.document);
    expect(form.htmlBody).toContain(`>Dear ${escapeHtml(contactName)},</p>`);
    // The preview host is older than Mailbox 1.15: it gets the signed link, which needs no sign-in.
    expect(form.attachments).toEqual([
      { type: 'file', name: expect.stringMatching(/\.pdf$/), url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/letters\/[\w-]+\.pdf\?exp=\d+&sig=[\w-]{43}$/) },
    ]);
    const pdf = await fetch(form.attachments![0]!.url!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // The preview shows the reply form over the page; then the pane with the posted letter.
    await page.screenshot({ path: path.join(artifactsDir, 'letter-reply-form.png') });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, 'letter-preview-320.png') });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await pane.getByRole('tab', { name: 'Timeline' }).click();
    const fee = formatMoney(proposal.fee!.amount, proposal.fee!.currency, 'en-US');
    await pane.getByText(`Level ${proposal.level!.level} · ${proposal.level!.name} · fee ${fee}`).first().waitFor({ timeout: 15_000 });

    const after = await server.getJson<CustomerSummary>(`/api/customers/${customerId}/summary`);
    expect(after.balance).toBe(before.balance + proposal.fee!.amountAccounting);
    await pane.getByText(formatMoney(after.balance, after.currency, 'en-US')).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
