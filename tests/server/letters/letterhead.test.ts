// The letterhead: on the demo company (DEMO_DATA=1) letters and statements come from its seller,
// Tailwind Traders with its address, not from the product; LETTER_COMPANY_* still win; a server on
// real data without them keeps the neutral default.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { DEMO_LETTERHEAD, SELLER } from '../../../server/demo/names';
import type { CollectionLetterResponse } from '../../../server/http/schemas/letters';
import { openDevApp, type DevApp } from '../security/world';
import { createCustomer } from './world';

let t: DevApp;
afterEach(async () => t?.close());

const AS_OF = '2026-03-01';

/** The letterhead block of an HTML letter: the body before the customer's details. */
const head = (html: string) => {
  const body = html.indexOf('<body');
  return html.slice(body, html.indexOf('Customer C-7', body));
};

describe('the letterhead', () => {
  it("is the demo seller's on the demo company unless LETTER_COMPANY_NAME names another", () => {
    expect(loadConfig({ DEMO_DATA: '1' }).letters).toMatchObject({ companyName: SELLER.name, companyAddress: [...DEMO_LETTERHEAD.addressLines] });
    expect(loadConfig({ DEMO_DATA: '1', LETTER_COMPANY_NAME: 'Fabrikam Ltd' }).letters).toMatchObject({ companyName: 'Fabrikam Ltd', companyAddress: [] });
    expect(loadConfig({ DEMO_DATA: '1', LETTER_COMPANY_ADDRESS: '9 Quay Street; Bristol' }).letters).toMatchObject({
      companyName: SELLER.name,
      companyAddress: ['9 Quay Street', 'Bristol'],
    });
    expect(loadConfig({}).letters.companyName).toBe('Collections for Outlook');
  });

  it("prints the demo seller's name and address on the letter preview, the posted letter's PDF and a statement", async () => {
    t = await openDevApp('agent', { DEMO_DATA: '1' });
    const { id } = await createCustomer(t.handle.db, { account: 'C-7', invoices: [['INV-7', '2026-02-01', 123456n]] });

    const letterHtml = head((await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=${AS_OF}` })).body);
    expect(letterHtml).toContain(`>${SELLER.name}</div>`);
    for (const line of DEMO_LETTERHEAD.addressLines) expect(letterHtml).toContain(line);
    expect(letterHtml).not.toContain('Collections for Outlook');

    const posted = await t.app.inject({ method: 'POST', url: `/api/customers/${id}/letters`, payload: { delivery: 'reply', asOf: AS_OF, level: 1 } });
    expect(posted.statusCode).toBe(201);
    const pdf = (await t.app.inject({ url: posted.json<CollectionLetterResponse>().pdfUrl })).rawPayload;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain(SELLER.name);
    expect(text).toContain(DEMO_LETTERHEAD.addressLines[0]);
    expect(text).not.toContain('Collections for Outlook');

    const statement = await t.app.inject({ url: `/api/customers/${id}/statements/preview?kind=open_items&asOf=${AS_OF}` });
    expect(statement.statusCode).toBe(200);
    expect(statement.body).toContain(SELLER.name);
    expect(statement.body).toContain(DEMO_LETTERHEAD.addressLines[0]);
    expect(statement.body).not.toContain('Collections for Outlook');
  });
});
