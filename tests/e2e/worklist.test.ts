// The worklist in the built pane (320 px, no email selected) and in the workspace, in Chromium on
// the demo company: filter through the status chart, open a customer, come back to the same row.
// Screenshots go to test-artifacts/ (and SHOTS_DIR when set).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { AgingHistoryResponse } from '../../server/http/schemas/statements';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartResponse, PoolsResponse, WorklistResponse } from '../../server/http/schemas/pools';
import { artifactsDir, chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, startServer, type RunningServer } from './support';

const { executablePath, skipReason } = chromiumStatus();
const shotsDirs = [artifactsDir, ...(process.env.SHOTS_DIR ? [process.env.SHOTS_DIR] : [])];
const STATUS_LABELS: Record<string, string> = {
  none: 'None',
  promise_to_pay: 'Promise to pay',
  promise_broken: 'Promise broken',
  disputed: 'Disputed',
  resolved: 'Resolved',
};

describe.skipIf(skipReason !== null)('the worklist (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureAddinBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium(executablePath)]);
    for (const dir of shotsDirs) mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filters through the chart, opens a customer and comes back to the same row', async () => {
    const { defaultPoolId } = await server.getJson<PoolsResponse>('/api/pools');
    const chart = await server.getJson<ChartResponse>(`/api/pools/${defaultPoolId}/chart`);
    // The status with the most customers after "none" (or "none" itself when it is all there is).
    const status = [...chart.byStatus].filter((s) => s.count > 0).sort((a, b) => Number(a.status === 'none') - Number(b.status === 'none') || b.count - a.count)[0]!;
    const filtered = await server.getJson<WorklistResponse>(`/api/pools/${defaultPoolId}/customers?status=${status.status}&limit=50`);
    const label = STATUS_LABELS[status.status]!;

    const page = await openPreview(browser, server.baseUrl);
    const frame = await paneFrame(page);
    const list = frame.getByRole('list', { name: 'Customers of the pool' });
    await list.waitFor({ timeout: 30_000 });
    const pane = page.locator('iframe[title="Collections task pane"]');
    await frame.getByRole('button', { name: /^None: / }).waitFor({ timeout: 20_000 });
    for (const dir of shotsDirs) await pane.screenshot({ path: path.join(dir, 'pane-worklist-320.png') });
    expect(await pane.evaluate((el) => el.getBoundingClientRect().width)).toBe(320);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await frame.getByRole('button', { name: new RegExp(`^${label}: `) }).click();
    await frame.getByRole('button', { name: `Clear the filter: ${label}` }).waitFor();
    // The list holds the filtered customers: its rows say how many there are.
    await expect.poll(() => list.locator('li').first().getAttribute('aria-setsize'), { timeout: 15_000 }).toBe(String(filtered.total));
    await frame.locator(`[data-customer-id="${filtered.items[0]!.customer.id}"]`).waitFor();
    expect(await frame.getByRole('button', { name: new RegExp(`^${label}: `) }).getAttribute('aria-pressed')).toBe('true');
    for (const dir of shotsDirs) await pane.screenshot({ path: path.join(dir, 'pane-worklist-filtered-320.png') });

    // A row a little down the list: the list scrolls to it, then the agent opens it.
    const target = filtered.items[Math.min(filtered.items.length - 1, 6)]!;
    const row = frame.locator(`[data-customer-id="${target.customer.id}"]`);
    await row.scrollIntoViewIfNeeded();
    const offsetBefore = await list.evaluate((el) => el.parentElement!.scrollTop);
    await row.click();
    await frame.getByRole('heading', { name: target.customer.name }).first().waitFor({ timeout: 20_000 });
    expect(await list.count()).toBe(0);

    await frame.getByRole('button', { name: 'Back to worklist' }).click();
    await list.waitFor();
    await expect.poll(() => frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.customerId)).toBe(target.customer.id);
    expect(await list.evaluate((el) => el.parentElement!.scrollTop)).toBe(offsetBefore);
    await frame.getByRole('button', { name: `Clear the filter: ${label}` }).waitFor();

    // The chip lifts the filter: the whole pool again.
    await frame.getByRole('button', { name: `Clear the filter: ${label}` }).click();
    await expect.poll(() => frame.getByRole('button', { name: /^Clear the filter/ }).count()).toBe(0);
    await page.close();
  });

  it('shows the pools, the chart and the list side by side in the workspace', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${server.baseUrl}/workspace?view=worklist`);
    await page.getByRole('list', { name: 'Customers of the pool' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Pools' }).waitFor();
    await page.getByRole('heading', { name: 'Open amount by age' }).waitFor();
    const box = async (name: string) => (await page.getByRole('heading', { name, exact: true }).boundingBox())!;
    // Side by side: the pools, the chart and the list each start at the top, from left to right.
    const [pools, chart, list] = [await box('Pools'), await box('Open amount by collection status'), page.getByRole('list', { name: 'Customers of the pool' })];
    const listBox = (await list.boundingBox())!;
    expect(pools.x).toBeLessThan(chart.x);
    expect(chart.x).toBeLessThan(listBox.x);
    // Under the pools, the shown pool's aging history: a bar for each month end, totals as the server sums them.
    const history = page.getByRole('region', { name: 'Aging history' });
    const bars = history.getByRole('group', { name: /^[^:]+: -?\$[\d,.]+$/ });
    await bars.first().waitFor({ timeout: 20_000 });
    const poolHistory = await server.getJson<AgingHistoryResponse>('/api/pools/all/aging-history?months=12');
    expect(await bars.count()).toBe(poolHistory.points.length);
    expect((await history.boundingBox())!.x).toBeLessThan(chart.x);
    for (const dir of shotsDirs) await page.screenshot({ path: path.join(dir, 'workspace-worklist-1280.png') });

    // The criteria's live count before saving.
    await page.getByRole('button', { name: 'New pool' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/^\d[\d,]* customers?, .* overdue$/).waitFor({ timeout: 15_000 });
    const all = await dialog.getByText(/customers?, .* overdue$/).textContent();
    await dialog.getByRole('checkbox', { name: 'Disputed' }).check();
    await expect.poll(() => dialog.getByText(/customers?, .* overdue$/).textContent(), { timeout: 15_000 }).not.toBe(all);
    for (const dir of shotsDirs) await page.screenshot({ path: path.join(dir, 'workspace-pool-editor-1280.png') });
    await page.close();
  });
});
