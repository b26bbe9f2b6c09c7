// Logging a call with a promise to pay from the built pane in Chromium: the call appears in the
// timeline, the invoice shows "Promise to pay", and the Graph test server receives one calendar
// event (the call) and one To Do task (its follow-up); the card shows the promise, and correcting its
// amount moves the invoice's promise too. Screenshots of the form and the card at 320 px.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalOf } from '../../addin/features/activities/form';
import { formatDate, formatMoney } from '../../addin/ui/format';
import { addDays, todayIn } from '../../server/domain/dates';
import type { PreviewEmail, PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { TransactionsResponse } from '../../server/http/schemas/transactions';
import type { ActivityListResponse } from '../../server/http/schemas/activities';
import { startGraphServer, type GraphTestServer } from '../support/graph-server';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

describe.skipIf(skipReason !== null)('logging a call from the pane (Chromium)', () => {
  let graph: GraphTestServer;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureAddinBuilt();
    graph = await startGraphServer();
    // The server's Graph client points at the test server, which validates every body.
    const env = { GRAPH_BASE_URL: graph.baseUrl, GRAPH_DEV_TOKEN: graph.token };
    [server, browser] = await Promise.all([startServer({ env }), launchChromium(executablePath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await graph?.close();
  });

  /** A preview email whose sender is one customer with an open, overdue invoice. */
  async function emailWithOverdueInvoice() {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    for (const email of emails) {
      const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
      if (matches.length !== 1) continue;
      const customer = matches[0]!;
      const open = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
      const invoice = open.items.find((t) => t.kind === 'invoice' && t.open > 0 && t.daysOverdue > 0 && t.collectionStatus === 'none');
      if (invoice) return { email: email as PreviewEmail, customer, invoice };
    }
    throw new Error('no demo email from a customer with an overdue invoice');
  }

  it('records a promise to pay: timeline, transaction status and one event and one task in Outlook', async () => {
    const { email, customer, invoice } = await emailWithOverdueInvoice();
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    const pane = await paneFrame(page);
    await pane.getByRole('heading', { name: customer.name }).waitFor({ timeout: 15_000 });

    await pane.getByRole('button', { name: 'Log call' }).click();
    const dialog = pane.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Promise to pay' }).click();
    await dialog.getByRole('checkbox', { name: new RegExp(invoice.document) }).check();
    const today = todayIn('UTC', new Date());
    await dialog.getByLabel(/Promised payment date/).fill(addDays(today, 7));
    await dialog.getByLabel(/Follow up on/).fill(addDays(today, 8));
    await dialog.getByLabel(/Notes/).fill('Will pay in full next week.');
    mkdirSync(artifactsDir, { recursive: true });
    const frame = page.locator('iframe[title="Collections task pane"]');
    await frame.screenshot({ path: path.join(artifactsDir, 'log-call-320-end.png') });
    await dialog.getByRole('group', { name: 'Outcome' }).scrollIntoViewIfNeeded();
    await frame.screenshot({ path: path.join(artifactsDir, 'log-call-320.png') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await pane.getByRole('tab', { name: 'Timeline' }).click();
    await pane.getByText('Call · Promise to pay').first().waitFor();
    await pane.getByRole('tab', { name: 'Transactions' }).click();
    await pane.getByText('Promise to pay').first().waitFor();
    const after = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
    expect(after.items.find((t) => t.id === invoice.id)).toMatchObject({ collectionStatus: 'promise_to_pay', promiseDate: addDays(today, 7), promiseAmount: invoice.open });

    // The in-process outbox worker sends the call as an event and the follow-up as a task.
    await expect.poll(() => graph.store.counts(), { timeout: 20_000 }).toMatchObject({ events: 1, tasks: 1 });
    expect(graph.violations).toEqual([]);
    const synced = async () => (await server.getJson<ActivityListResponse>(`/api/customers/${customer.id}/activities`)).items[0]?.sync.state;
    await expect.poll(synced, { timeout: 15_000 }).toBe('synced');
    await pane.getByRole('tab', { name: 'Activities' }).click();
    await pane.getByText('In Outlook').first().waitFor({ timeout: 15_000 });

    // The card says what was promised; correcting the amount there moves the invoice's promise too.
    const card = pane.getByRole('listitem', { name: /^Call: / }).filter({ hasText: 'Promise:' }).first();
    const promiseLine = (amount: number) =>
      `Promise: ${formatMoney(amount, invoice.currency, 'en-US')} by ${formatDate(addDays(today, 7), 'en-US', 'day')} · ${invoice.document}`;
    await card.getByText(promiseLine(invoice.open)).waitFor();
    await frame.screenshot({ path: path.join(artifactsDir, 'activities-promise-320.png') });
    const corrected = Math.max(1, Math.floor(invoice.open / 2));
    await card.getByRole('button', { name: /^Actions for / }).click();
    await pane.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = pane.getByRole('dialog', { name: 'Edit activity' });
    await edit.getByLabel(/Amount promised/).fill(decimalOf(corrected, invoice.currency));
    await frame.screenshot({ path: path.join(artifactsDir, 'edit-promise-320.png') });
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await pane.getByText(/^Saved: /).first().waitFor();
    await pane.getByText(promiseLine(corrected)).waitFor();
    const followed = await server.getJson<TransactionsResponse>(`/api/customers/${customer.id}/transactions?status=open`);
    expect(followed.items.find((t) => t.id === invoice.id)).toMatchObject({ collectionStatus: 'promise_to_pay', promiseDate: addDays(today, 7), promiseAmount: corrected });
    await pane.getByRole('tab', { name: 'Transactions' }).click();
    await pane.getByText('Promise to pay').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
