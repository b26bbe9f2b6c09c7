// Acting on open transactions from the built pane in Chromium: select two invoices and record a
// promise to pay (statuses shown in the grid, history recorded), write off a small remainder (its
// entry in the timeline), an over-limit write-off approved by a manager, view the collections
// history. Screenshot of the action menu at 320 px.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewEmail, PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { TransactionItem, TransactionsResponse } from '../../server/http/schemas/transactions';
import type { HistoryResponse } from '../../server/http/schemas/actions';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

describe.skipIf(skipReason !== null)('acting on open transactions from the pane (Chromium)', () => {
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

  /** A preview email whose sender is one customer with three open invoices without a status. */
  async function emailWithOpenInvoices() {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    for (const email of emails) {
      const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
      if (matches.length !== 1) continue;
      const customer = matches[0]!;
      const open = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
      const invoices = open.items.filter((t) => t.kind === 'invoice' && t.open > 100 && t.collectionStatus === 'none');
      if (invoices.length >= 3) return { email: email as PreviewEmail, customer, invoices };
    }
    throw new Error('no demo email from a customer with three open invoices');
  }

  it('records a promise on two invoices, writes off a small remainder, approves an over-limit write-off and shows the history', async () => {
    const { email, customer, invoices } = await emailWithOpenInvoices();
    const [first, second, third] = invoices as [TransactionItem, TransactionItem, TransactionItem];
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    const pane = await paneFrame(page);
    await pane.getByRole('heading', { name: customer.name }).waitFor({ timeout: 15_000 });
    await pane.getByRole('tab', { name: 'Transactions' }).click();

    await pane.getByRole('checkbox', { name: `Select ${first.document}` }).check();
    await pane.getByRole('checkbox', { name: `Select ${second.document}` }).check();
    await pane.getByRole('button', { name: 'Actions (2)' }).scrollIntoViewIfNeeded();
    await pane.getByRole('button', { name: 'Actions (2)' }).click();
    await pane.getByRole('menuitem', { name: 'Change status…' }).waitFor();
    // The open menu covers only its own box: the rest of the pane (here the tabs above the grid)
    // stays visible (Fluent once copied a full-height background to the menu's portal and blanked
    // the pane). Which part of the header is on screen depends on how far the grid scrolled.
    const tabOnTop = await pane.getByRole('tab', { name: 'Transactions' }).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return top !== null && (top === el || el.contains(top));
    });
    expect(tabOnTop).toBe(true);
    // The whole list is taller than the room at 320 px: it stops above the action bar and scrolls.
    const menuBox = await pane.getByRole('menu').boundingBox();
    const barBox = await pane.getByRole('button', { name: 'Log call' }).boundingBox();
    expect(menuBox!.y + menuBox!.height).toBeLessThanOrEqual(barBox!.y);
    mkdirSync(artifactsDir, { recursive: true });
    await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, 'transactions-actions-320.png') });
    await pane.getByRole('menuitem', { name: 'Change status…' }).click();
    const dialog = pane.getByRole('dialog', { name: 'Change status' });
    await dialog.getByRole('region', { name: 'Effect' }).getByText(new RegExp(`${first.document}: promise to pay`)).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pane.getByText('Promise to pay').nth(1).waitFor();
    const after = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
    for (const t of [first, second]) {
      expect(after.items.find((i) => i.id === t.id)).toMatchObject({ collectionStatus: 'promise_to_pay', promiseAmount: t.open, statusSetBy: expect.any(String) });
    }

    await pane.getByRole('checkbox', { name: `Select ${third.document}` }).check();
    await pane.getByRole('button', { name: 'Actions (1)' }).click();
    await pane.getByRole('menuitem', { name: 'Write off…' }).click();
    const writeOff = pane.getByRole('dialog', { name: 'Write off' });
    await writeOff.getByLabel(new RegExp(third.document)).fill('1.00');
    await writeOff.getByRole('combobox', { name: /Reason/ }).selectOption('small_balance');
    await writeOff.getByRole('button', { name: 'Confirm' }).click();
    await writeOff.waitFor({ state: 'detached' });
    const written = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
    expect(written.items.find((i) => i.id === third.id)?.open).toBe(third.open - 100);

    // Over the agent's limit: waiting for a manager, approved from the pane (the demo agent is an admin).
    await server.app.db.updateTable('agents').set({ role: 'agent', write_off_limit: 100n }).execute();
    await pane.getByRole('checkbox', { name: `Select ${third.document}` }).check();
    await pane.getByRole('button', { name: 'Actions (1)' }).click();
    await pane.getByRole('menuitem', { name: 'Write off…' }).click();
    await writeOff.getByLabel(new RegExp(third.document)).fill('5.00');
    await writeOff.getByRole('combobox', { name: /Reason/ }).selectOption('bad_debt');
    await writeOff.getByRole('button', { name: 'Confirm' }).click();
    await writeOff.getByText(/waits for a manager/).waitFor();
    await writeOff.getByRole('button', { name: 'Close' }).click();
    await writeOff.waitFor({ state: 'detached' });
    await server.app.db.updateTable('agents').set({ role: 'admin', write_off_limit: null }).execute();
    const waiting = pane.getByRole('region', { name: 'Write-offs waiting for approval' });
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await waiting.waitFor({ state: 'detached' });
    const approved = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
    expect(approved.items.find((i) => i.id === third.id)?.open).toBe(third.open - 600);

    await pane.getByRole('tab', { name: 'Timeline' }).click();
    await pane.getByText(/^WO-/).first().waitFor();

    await pane.getByRole('tab', { name: 'Transactions' }).click();
    await pane.getByRole('button', { name: 'Actions', exact: true }).click();
    await pane.getByRole('menuitem', { name: 'View collections history' }).click();
    const history = pane.getByRole('dialog', { name: 'Collections history' });
    await history.getByText('Written off').first().waitFor();
    expect(await history.getByText('Promise to pay').count()).toBe(2);
    const trail = await server.getJson<HistoryResponse>(`/api/customers/${customer.id}/history`);
    expect(trail.items.map((h) => h.action).sort()).toEqual([
      'transaction.promise_to_pay', 'transaction.promise_to_pay', 'transaction.write_off', 'transaction.write_off', 'transaction.write_off_requested',
    ]);
    expect(errors).toEqual([]);
  });
});
