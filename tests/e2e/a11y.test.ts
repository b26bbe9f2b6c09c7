// Accessibility of the built pane in Chromium: axe-core finds no serious or critical violation on
// any tab, the picker or the no-match search, or the workspace's report, in light and dark themes;
// and an agent can work the pane by keyboard alone (tabs with arrows and Enter, the grid's rows,
// sorting a column with Enter).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewEmail, PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { LookupResponse } from '../../server/http/schemas/customers';
import {
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
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe on the pane's document. Tabster's focus sentinels (Fluent's TabList, DataGrid, menus) are
 * aria-hidden yet focusable by design, to hand focus on at once: a documented false positive of
 * aria-hidden-focus, so they alone are left out.
 */
async function seriousViolations(frame: Frame): Promise<Violation[]> {
  // Evaluated, not injected as a script tag: the pane's Content-Security-Policy forbids inline scripts.
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> };
    type Axe = { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

async function firstEmail(server: RunningServer, wanted: (matches: number, found: LookupResponse['matches']) => boolean): Promise<PreviewEmail> {
  const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
  for (const email of emails) {
    const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
    if (wanted(matches.length, matches)) return email;
  }
  throw new Error('the demo mailbox has no such email');
}

async function select(page: Page, email: PreviewEmail): Promise<Frame> {
  await page.click(`button[data-email-id="${email.id}"]`);
  return paneFrame(page);
}

/** Name of the element that has focus inside the pane, as a screen reader would announce its role. */
function focused(frame: Frame): Promise<{ role: string | null; text: string; label: string | null; selected: string | null; sort: string | null }> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label'),
      selected: el.getAttribute('aria-selected'),
      sort: el.closest('[aria-sort]')?.getAttribute('aria-sort') ?? null,
    };
  });
}

describe.skipIf(skipReason !== null)('accessibility of the task pane (Chromium, axe-core)', () => {
  let server: RunningServer;
  let browser: Browser;
  let customer: ResolvedEmail;
  let several: PreviewEmail;
  let unknown: PreviewEmail;

  beforeAll(async () => {
    ensureAddinBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium(executablePath)]);
    [customer] = (await resolvableEmails(server, 1)) as [ResolvedEmail];
    // Only domain matches: a sender who is a contact of one of them opens that customer at once.
    several = await firstEmail(server, (n, found) => n > 1 && found.every((m) => m.matchedBy === 'domain'));
    unknown = await firstEmail(server, (n) => n === 0);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical violation on any tab, the picker or the search (%s)', async (theme) => {
    const page = await openPreview(browser, server.baseUrl);
    if (theme === 'dark') await page.getByRole('switch', { name: 'Dark theme' }).check();
    const found: Record<string, Violation[]> = {};

    let frame = await select(page, customer.email);
    await frame.getByRole('heading', { name: customer.summary.customer.name }).waitFor({ timeout: 15_000 });
    found.overview = await seriousViolations(frame);
    const loaded: Record<string, (f: Frame) => ReturnType<Frame['locator']>> = {
      Transactions: (f) => f.getByRole('grid', { name: 'Transactions' }).or(f.getByText('Nothing open')),
      Timeline: (f) => f.getByRole('tabpanel').getByRole('heading').first(),
      Activities: (f) => f.getByRole('list', { name: 'Activities' }).or(f.getByText('No activities yet')),
    };
    for (const [tab, ready] of Object.entries(loaded)) {
      await frame.getByRole('tab', { name: tab }).click();
      await ready(frame).waitFor({ timeout: 15_000 });
      // An expanded timeline entry shows its details, which axe should see too.
      if (tab === 'Timeline') await frame.getByRole('tabpanel').getByRole('button', { expanded: false }).first().click();
      found[tab] = await seriousViolations(frame);
    }

    frame = await select(page, several);
    await frame.getByRole('heading', { name: /customers match this email/ }).waitFor({ timeout: 15_000 });
    found.picker = await seriousViolations(frame);

    frame = await select(page, unknown);
    await frame.getByRole('heading', { name: /No customer found/ }).waitFor({ timeout: 15_000 });
    found.noMatch = await seriousViolations(frame);
    await frame.getByRole('searchbox', { name: 'Search customers' }).fill(customer.summary.customer.name.slice(0, 4));
    await frame.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
    await frame.getByRole('list', { name: 'Search results' }).waitFor({ timeout: 15_000 });
    found.searchResults = await seriousViolations(frame);

    expect(found).toEqual({ overview: [], Transactions: [], Timeline: [], Activities: [], picker: [], noMatch: [], searchResults: [] });
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical violation on the workspace report, its customer drawer or the pane’s receivables card (%s)', async (colorScheme) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme });
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${server.baseUrl}/workspace`);
    const table = page.getByRole('table', { name: 'Aged receivables by customer' });
    await table.waitFor({ timeout: 20_000 });
    const found: Record<string, Violation[]> = { report: await seriousViolations(page.mainFrame()) };
    await table.locator('tbody').getByRole('button').first().click();
    await page.getByRole('dialog').getByRole('tablist', { name: 'Customer details' }).waitFor({ timeout: 15_000 });
    // Checked once the drawer has slid in and its figures have loaded: text half faded in is not a finding.
    await page.waitForLoadState('networkidle');
    await page.getByRole('dialog').evaluate((drawer) => Promise.all(drawer.getAnimations({ subtree: true }).map((a) => a.finished)));
    found.drawer = await seriousViolations(page.mainFrame());
    await page.close();

    const preview = await openPreview(browser, server.baseUrl);
    if (colorScheme === 'dark') await preview.getByRole('switch', { name: 'Dark theme' }).check();
    const frame = await paneFrame(preview);
    await frame.getByRole('heading', { name: /^Receivables as of/ }).waitFor({ timeout: 20_000 });
    found.card = await seriousViolations(frame);
    expect(found).toEqual({ report: [], drawer: [], card: [] });
    await preview.close();
  });

  it('works by keyboard alone: header buttons, tabs with arrows and Enter, grid rows, sorting with Enter', async () => {
    const page = await openPreview(browser, server.baseUrl);
    const frame = await select(page, customer.email);
    const heading = frame.getByRole('heading', { name: customer.summary.customer.name });
    await heading.waitFor({ timeout: 15_000 });
    // Start from the customer's name, as a reader arriving at the pane; from here on only keys.
    await heading.click();
    const press = async (key: string) => {
      await page.keyboard.press(key);
      return focused(frame);
    };

    expect(await press('Tab')).toMatchObject({ label: 'Refresh' });
    expect(await press('Tab')).toMatchObject({ label: 'More actions' });
    // The mentions box's "Attach to reply" buttons (one per mentioned document with a copy) come next.
    let stop = await press('Tab');
    for (let i = 0; i < 10 && stop.text === 'Attach to reply'; i++) stop = await press('Tab');
    expect(stop).toMatchObject({ role: 'tab', text: 'Overview', selected: 'true' });
    expect(await press('ArrowRight')).toMatchObject({ role: 'tab', selected: 'false' });
    expect(await press('Enter')).toMatchObject({ role: 'tab', text: 'Transactions', selected: 'true' });

    await frame.getByRole('grid', { name: 'Transactions' }).waitFor({ timeout: 15_000 });
    expect(await press('Tab')).toMatchObject({ role: 'switch' });
    expect(await press('Tab')).toMatchObject({ role: 'button', text: 'Actions' });
    expect(await press('Tab')).toMatchObject({ role: 'button', text: 'Document' });
    for (const column of ['Due', 'Late', 'Open']) expect(await press('ArrowRight')).toMatchObject({ text: column });
    expect(await press('Enter')).toMatchObject({ text: 'Open', sort: 'ascending' });
    expect(await press('Enter')).toMatchObject({ text: 'Open', sort: 'descending' });

    // Down into the rows: the first is now the largest open amount.
    const firstRow = await press('ArrowDown');
    expect(firstRow.role).toBe('row');
    const items = (await server.getJson<{ items: Array<{ document: string; openAccounting: number }> }>(
      `/api/customers/${customer.summary.customer.id}/transactions`,
    )).items;
    const largest = [...items].sort((a, b) => b.openAccounting - a.openAccounting)[0]!;
    expect(firstRow.text).toContain(largest.document);
    expect(await press('ArrowDown')).toMatchObject({ role: 'row' });
    expect((await focused(frame)).text).not.toBe(firstRow.text);

    // Past the grid: the actions at the bottom of the pane.
    expect(await press('Tab')).toMatchObject({ text: 'Log call' });
    await page.close();
  });
});
