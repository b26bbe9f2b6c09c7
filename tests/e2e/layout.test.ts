// The pane at 320 px by about 700 px in Chromium: once the agent scrolls a tab's content, the header
// collapses to one line, at least two thirds of the pane show the tab's content, and the content's
// last row scrolls fully above the action bar. Screenshots before and after the scroll.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { PreviewMailboxResponse } from '../../server/http/schemas/preview';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

interface Box {
  top: number;
  bottom: number;
  height: number;
}

/** Where the pane's parts are, in the pane's own viewport, and how tall that viewport is. */
async function layout(pane: Frame) {
  return pane.evaluate(() => {
    const box = (el: Element | null | undefined): Box | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    };
    const panel = document.querySelector('[role="tabpanel"]');
    const rows = panel ? [...panel.querySelectorAll('[role="row"], li, tr')] : [];
    return {
      viewport: window.innerHeight,
      scrollY: window.scrollY,
      header: box(document.querySelector('header h1')),
      compact: box(document.querySelector('[role="group"][aria-label$="balance and overdue"]')),
      compactLine: (() => {
        const el = document.querySelector('[role="group"][aria-label$="balance and overdue"] .fui-Text');
        return el ? parseFloat(getComputedStyle(el).lineHeight) : null;
      })(),
      tabs: box(document.querySelector('[role="tablist"]')),
      panel: box(panel),
      lastRow: box(rows[rows.length - 1]),
      actions: box(document.querySelector('[role="toolbar"][aria-label="Customer actions"]')),
    };
  });
}

describe.skipIf(skipReason !== null)('the pane at 320 px (Chromium)', () => {
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

  /** An email from one customer's contact that names one of its invoices: the pane shows the mentions box under the header. */
  async function emailNamingAnInvoice() {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    for (const id of ['paid-last-week', 'price-dispute', 'promise-to-pay']) {
      const email = emails.find((e) => e.id === id);
      if (!email) continue;
      const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
      if (matches.length === 1) return { email, customer: matches[0]! };
    }
    throw new Error('no demo email from one customer naming an invoice');
  }

  it('collapses the header to one line as the tab content scrolls, gives the content two thirds, and hides nothing behind the action bar', async () => {
    const { email, customer } = await emailNamingAnInvoice();

    const page = await openPreview(browser, server.baseUrl, { width: 1280, height: 760 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.click(`button[data-email-id="${email.id}"]`);
    const pane = await paneFrame(page);
    await pane.getByRole('heading', { name: customer.name }).waitFor({ timeout: 15_000 });
    await pane.getByRole('heading', { name: 'Mentioned in this email' }).waitFor({ timeout: 15_000 });
    const frame = page.locator('iframe[title="Collections task pane"]');
    const size = (await frame.boundingBox())!;
    expect(Math.round(size.width)).toBe(320);
    expect(size.height).toBeGreaterThan(640);
    expect(size.height).toBeLessThan(760);

    await pane.getByRole('tab', { name: 'Transactions' }).click();
    await pane.locator('[role="tabpanel"] [role="row"]').nth(3).waitFor({ timeout: 15_000 });
    mkdirSync(artifactsDir, { recursive: true });
    await frame.screenshot({ path: path.join(artifactsDir, 'layout-320-top.png') });
    const top = await layout(pane);
    // Unscrolled, the full header and the mentions push the tab's content down.
    expect(top.compact).toBeNull();
    expect(top.header!.top).toBeGreaterThanOrEqual(0);

    // The agent scrolls the tab's content with the mouse wheel: by the time the tabs reach the top
    // of the pane, the header has given way to its one-line form above them.
    await page.mouse.move(size.x + size.width / 2, size.y + size.height / 2);
    const compact = pane.locator('[role="group"][aria-label$="balance and overdue"]');
    for (let step = 0; step < 40 && (await compact.count()) === 0; step += 1) {
      const before = await pane.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, 60);
      await pane.waitForFunction((y) => window.scrollY !== y, before, { timeout: 2_000 });
    }
    await compact.waitFor();
    const scrolled = await layout(pane);
    expect(scrolled.scrollY).toBeLessThanOrEqual(top.tabs!.top + 60);
    expect(scrolled.header!.bottom).toBeLessThanOrEqual(0);
    expect(scrolled.compact!.top).toBeGreaterThanOrEqual(0);
    expect(scrolled.compact!.height).toBeLessThan(2 * scrolled.compactLine!);
    const content = scrolled.actions!.top - scrolled.tabs!.bottom;
    expect(content).toBeGreaterThanOrEqual((2 / 3) * scrolled.viewport);
    await frame.screenshot({ path: path.join(artifactsDir, 'layout-320-scrolled.png') });

    // At the end of the content the last row stands fully above the action bar.
    await pane.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await pane.waitForFunction(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
    const end = await layout(pane);
    expect(end.lastRow!.bottom).toBeLessThanOrEqual(end.actions!.top + 0.5);
    expect(end.panel!.bottom).toBeLessThanOrEqual(end.actions!.top + 0.5);
    expect(end.lastRow!.top).toBeGreaterThanOrEqual(end.tabs!.bottom - 0.5);
    expect(end.actions!.bottom).toBeLessThanOrEqual(end.viewport + 0.5);
    await frame.screenshot({ path: path.join(artifactsDir, 'layout-320-end.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
