// The built pane in real Chromium, through the browser preview: selecting one email then another
// shows each sender's customer with the balance and overdue the API computes; screenshots of the
// pane in light and dark themes at 320 and 450 px go to test-artifacts/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../addin/ui/format';
import type { PreviewEmail } from '../../server/http/schemas/preview';
import {
  artifactsDir,
  chromiumStatus,
  ensureAddinBuilt,
  launchChromium,
  openPreview,
  paneFrame,
  resolvableEmails,
  startServer,
  type ResolvedEmail,
  type RunningServer,
} from './support';

const { executablePath, skipReason } = chromiumStatus();

async function select(page: Page, email: PreviewEmail): Promise<void> {
  await page.click(`button[data-email-id="${email.id}"]`);
}

/** Waits until the pane shows the customer, then returns the pane's visible text. */
async function paneShowing(frame: Frame, customerName: string): Promise<string> {
  await frame.getByRole('heading', { name: customerName }).waitFor({ timeout: 15_000 });
  await frame.getByText(/Balance/i).first().waitFor();
  return frame.locator('body').innerText();
}

describe.skipIf(skipReason !== null)('the task pane in the browser preview (Chromium)', () => {
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

  it('follows the selection: each sender shows their customer, balance and overdue as the API returns them', async () => {
    const [first, second] = (await resolvableEmails(server, 2)) as [ResolvedEmail, ResolvedEmail];
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await select(page, first.email);
    for (const shown of [first, second]) {
      if (shown === second) await select(page, second.email);
      const text = await paneShowing(await paneFrame(page), shown.summary.customer.name);
      const { balance, overdue, currency } = shown.summary;
      expect(text).toContain(formatMoney(balance, currency, 'en-US'));
      expect(text).toContain(formatMoney(overdue, currency, 'en-US'));
      if (shown === second) expect(text).not.toContain(first.summary.customer.name);
    }

    // Nothing selected is a normal state: the pane lets go of the customer.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await (await paneFrame(page)).getByRole('heading', { name: second.summary.customer.name }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders light and dark at 320 and 450 px (screenshots in test-artifacts/)', async () => {
    const [, second] = (await resolvableEmails(server, 2)) as [ResolvedEmail, ResolvedEmail];
    const page = await openPreview(browser, server.baseUrl);
    mkdirSync(artifactsDir, { recursive: true });
    await select(page, second.email);
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await page.getByRole('switch', { name: 'Dark theme' }).check();
      for (const width of [320, 450]) {
        await page.getByRole('button', { name: `${width} px` }).click();
        const frame = await paneFrame(page);
        await paneShowing(frame, second.summary.customer.name);
        const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(0);
        await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, `pane-${theme}-${width}.png`) });
        await page.screenshot({ path: path.join(artifactsDir, `preview-${theme}-${width}.png`) });
      }
    }
    await page.close();
  });

  it('speaks German when Office does, amounts and dates included, without a word cut off at 320 px', async () => {
    const [, second] = (await resolvableEmails(server, 2)) as [ResolvedEmail, ResolvedEmail];
    const page = await openPreview(browser, server.baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByLabel('Display language').selectOption('de-DE');
    await page.getByRole('button', { name: '320 px' }).click();
    await select(page, second.email);
    const frame = await paneFrame(page);
    await frame.getByRole('heading', { name: second.summary.customer.name }).waitFor({ timeout: 15_000 });
    for (const tab of ['Übersicht', 'Posten', 'Verlauf', 'Aktivitäten']) await frame.getByRole('tab', { name: tab }).waitFor();
    const text = await frame.locator('body').innerText();
    const { balance, overdue, currency } = second.summary;
    expect(text).toContain('Saldo');
    // Amounts in the German form (1.234,56 $), not the English one.
    expect(text).toContain(formatMoney(balance, currency, 'de-DE'));
    expect(text).toContain(formatMoney(overdue, currency, 'de-DE'));
    expect(text).not.toMatch(/\bBalance\b|\bOverdue\b|Log call|Send letter/);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scrolling at 320 px in German').toBeLessThanOrEqual(0);
    // The action bar's longer German labels may wrap between words, never inside one.
    for (const name of ['Anruf erfassen', 'Brief senden']) {
      const split = await frame.getByRole('button', { name }).evaluate((button) => {
        const broken: string[] = [];
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) broken.push(match[0]);
          }
        }
        return broken;
      });
      expect(split, `words split across lines in '${name}'`).toEqual([]);
    }
    mkdirSync(artifactsDir, { recursive: true });
    await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, 'pane-de-320.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
