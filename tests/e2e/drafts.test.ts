// The proposal card in the built pane in Chromium: the demo's promise-to-pay email shows "Promise to
// pay …" under "Mentioned in this email", and the card opens the log-call dialog with the promise
// filled in and the email's words marked; nothing is saved. Screenshots at 320 px.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { ActivityListResponse } from '../../server/http/schemas/activities';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

describe.skipIf(skipReason !== null)('the proposal card (Chromium)', () => {
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

  it('offers the promise the email makes and opens it prefilled with the words marked', async () => {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    const email = emails.find((e) => e.id === 'promise-to-pay');
    if (!email) throw new Error('the demo mailbox has no promise-to-pay email');
    const documents = [...new Set(email.body.split(/\n\nOn /)[0]!.match(/INV-\d+/g) ?? [])];
    const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
    const activities = () => server.getJson<ActivityListResponse>(`/api/customers/${matches[0]!.id}/activities`);
    const before = await activities();
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    const pane = await paneFrame(page);
    // The demo's sender may share its domain with a sister company: the agent picks the contact's.
    if (matches.length > 1) await pane.getByText(matches[0]!.name, { exact: true }).click({ timeout: 15_000 });

    const card = pane.getByRole('group', { name: 'Proposed from this email' });
    await card.waitFor({ timeout: 20_000 });
    const title = await card.innerText();
    expect(title).toMatch(/^Promise to pay /);
    for (const document of documents) expect(title).toContain(document);
    mkdirSync(artifactsDir, { recursive: true });
    const frame = page.locator('iframe[title="Collections task pane"]');
    await frame.screenshot({ path: path.join(artifactsDir, 'proposal-card-320.png') });

    await card.getByRole('button', { name: 'Review promise' }).click();
    const dialog = pane.getByRole('dialog');
    const why = dialog.getByTestId('why-line');
    await why.waitFor();
    expect(await why.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(documents));
    for (const document of documents) expect(await dialog.getByRole('checkbox', { name: new RegExp(document) }).isChecked()).toBe(true);
    expect(await dialog.getByLabel(/Promised payment date/).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await frame.screenshot({ path: path.join(artifactsDir, 'proposal-dialog-320.png') });

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing is saved before the agent confirms.
    expect(await activities()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
