// The aged receivables report in the built workspace page (/workspace) and the pane's totals card,
// in Chromium on the demo company: sorting, filtering, opening a customer, downloading the CSV with
// its progress, and the pane (320 px, no email selected) opening the full report in a new window.
// Screenshots of both go to test-artifacts/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgedReceivablesResponse } from '../../server/http/schemas/reports';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();

async function openWorkspace(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  await page.goto(`${baseUrl}/workspace`);
  return page;
}

describe.skipIf(skipReason !== null)('the aged receivables report (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let report: AgedReceivablesResponse;

  beforeAll(async () => {
    ensureAddinBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium(executablePath)]);
    report = await server.getJson<AgedReceivablesResponse>('/api/reports/aged-receivables');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sorts, filters, opens a customer and downloads the CSV', async () => {
    const page = await openWorkspace(browser, server.baseUrl);
    const table = page.getByRole('table', { name: 'Aged receivables by customer' });
    await table.waitFor({ timeout: 20_000 });
    await page.getByText(`${report.customers.length} customers with open items`).waitFor();
    const names = () => table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect((await names())[0]).toBe(report.customers[0]!.name);
    await page.screenshot({ path: path.join(artifactsDir, 'workspace-report.png') });

    // Balance, largest first: the first line is the customer with the largest balance.
    await page.getByRole('button', { name: 'Balance', exact: true }).click();
    const largest = [...report.customers].sort((a, b) => b.balance - a.balance)[0]!;
    expect((await names())[0]).toBe(largest.name);
    expect(await table.getByRole('columnheader', { name: 'Balance' }).getAttribute('aria-sort')).toBe('descending');

    // Filter by the account of one customer: that one is left.
    const picked = report.customers[Math.floor(report.customers.length / 2)]!;
    await page.getByRole('searchbox').fill(picked.account);
    await page.getByText(/customers? match the filter/).waitFor();
    expect(await names()).toContain(picked.name);
    expect(await table.locator('tbody tr').count()).toBeLessThan(report.customers.length);

    // A click opens the customer beside the report, in the pane's own view.
    await page.getByRole('button', { name: picked.name }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tablist', { name: 'Customer details' }).waitFor({ timeout: 15_000 });
    await drawer.getByRole('heading', { name: picked.name }).first().waitFor();
    // Pictured once it has slid in: mid-animation it is half transparent and half off the page.
    await drawer.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await page.screenshot({ path: path.join(artifactsDir, 'workspace-customer.png') });
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'detached' });

    // The CSV: progress while it streams, then the file with a line per customer and the totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^aged-receivables-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(picked.account);
    expect(csv.trim().split('\n').length).toBeGreaterThan(report.customers.length);
    await page.close();
  });

  it('shows the totals in the 320 px pane with nothing selected, and opens the full report', async () => {
    const page = await openPreview(browser, server.baseUrl);
    const frame = await paneFrame(page);
    const card = frame.getByRole('heading', { name: /^Receivables as of/ });
    await card.waitFor({ timeout: 20_000 });
    const width = await page.locator('iframe[title="Collections task pane"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBe(320);
    // Nothing wider than the pane: no sideways scrolling.
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await frame.getByRole('term').allTextContents()).toEqual(['Balance', 'Overdue', ...report.periods.map((p) => p.label)]);
    // The card sits below the worklist: brought into the pane's view for the picture.
    await card.scrollIntoViewIfNeeded();
    await page.locator('iframe[title="Collections task pane"]').screenshot({ path: path.join(artifactsDir, 'pane-receivables-320.png') });

    const [opened] = await Promise.all([page.context().waitForEvent('page'), frame.getByRole('button', { name: 'Open the full report' }).click()]);
    await opened.waitForURL(/\/workspace$/);
    await opened.close();
    await page.close();
  });
});
