// The pane's states beyond "one customer", in the built pane in Chromium: nothing selected, an
// unknown sender linked to a customer (and recognised from then on), and a server that cannot be
// reached, with a Retry that recovers once it is back.
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
const CUSTOMER_API = '**/api/customers/**';

async function select(page: Page, email: PreviewEmail): Promise<Frame> {
  await page.click(`button[data-email-id="${email.id}"]`);
  return paneFrame(page);
}

function lookup(server: RunningServer, address: string): Promise<LookupResponse> {
  return server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(address)}`);
}

describe.skipIf(skipReason !== null)('the pane without a customer to show (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let known: [ResolvedEmail, ResolvedEmail];

  beforeAll(async () => {
    ensureAddinBuilt();
    [server, browser] = await Promise.all([startServer(), launchChromium(executablePath)]);
    known = (await resolvableEmails(server, 2)) as [ResolvedEmail, ResolvedEmail];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says what to do when no email is selected, and again once the selection is cleared', async () => {
    const page = await openPreview(browser, server.baseUrl);
    const empty = (f: Frame) => f.getByRole('heading', { name: 'Select an email from a customer' });
    await empty(await paneFrame(page)).waitFor({ timeout: 15_000 });

    const frame = await select(page, known[0].email);
    await frame.getByRole('heading', { name: known[0].summary.customer.name }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await empty(frame).waitFor();
    expect(await frame.getByRole('heading', { name: known[0].summary.customer.name }).count()).toBe(0);
    await page.close();
  });

  it('links an unknown sender to the customer found by search, and the same email then opens that customer', async () => {
    const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
    let unknown: PreviewEmail | undefined;
    for (const email of emails) if (!unknown && (await lookup(server, email.from.emailAddress)).matches.length === 0) unknown = email;
    if (!unknown) throw new Error('the demo mailbox has no email from an unknown sender');
    const target = known[0].summary.customer;
    const page = await openPreview(browser, server.baseUrl);

    let frame = await select(page, unknown);
    await frame.getByRole('heading', { name: `No customer found for ${unknown.from.emailAddress}` }).waitFor({ timeout: 15_000 });
    await frame.getByRole('searchbox', { name: 'Search customers' }).fill(target.account);
    await frame.getByRole('button', { name: 'Search', exact: true }).click();
    await frame.getByRole('button', { name: `Link address ${unknown.from.emailAddress} to ${target.name}` }).click();
    await frame.getByRole('heading', { name: target.name }).waitFor({ timeout: 15_000 });
    expect((await lookup(server, unknown.from.emailAddress)).matches).toMatchObject([{ id: target.id, matchedBy: 'contact' }]);

    // Another email, then the same one again: it resolves by itself now, no search.
    frame = await select(page, known[1].email);
    await frame.getByRole('heading', { name: known[1].summary.customer.name }).waitFor({ timeout: 15_000 });
    frame = await select(page, unknown);
    await frame.getByRole('heading', { name: target.name }).waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('searchbox').count()).toBe(0);
    await page.close();
  });

  it('shows an error with Retry while the server cannot be reached, and recovers once it is back', async () => {
    const page = await openPreview(browser, server.baseUrl);
    await page.route(CUSTOMER_API, (route) => route.abort('connectionrefused'));

    const frame = await select(page, known[1].email);
    const error = frame.getByText('The sender could not be looked up');
    await error.waitFor({ timeout: 15_000 });
    expect(await frame.getByText('The collections server could not be reached.').count()).toBe(1);
    await page.unroute(CUSTOMER_API);
    await frame.getByRole('button', { name: 'Retry' }).click();
    const name = known[1].summary.customer.name;
    await frame.getByRole('heading', { name }).waitFor({ timeout: 15_000 });
    expect(await error.count()).toBe(0);
    await page.close();
  });

  it("says so when the customer's figures fail to load, and Retry loads them", async () => {
    const page = await openPreview(browser, server.baseUrl);
    await page.route('**/api/customers/*/summary*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'unavailable', message: 'Service unavailable' }) }),
    );
    const frame = await select(page, known[0].email);
    await frame.getByText('The customer could not be loaded').waitFor({ timeout: 15_000 });
    expect(await frame.getByText('Service unavailable').count()).toBe(1);
    await page.unroute('**/api/customers/*/summary*');
    await frame.getByRole('button', { name: 'Retry' }).click();
    await frame.getByRole('heading', { name: known[0].summary.customer.name }).waitFor({ timeout: 15_000 });
    await page.close();
  });
});
