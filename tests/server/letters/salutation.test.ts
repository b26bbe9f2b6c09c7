// A letter greets the customer's contact by name: the sender the agent answers when it is a known
// contact of the customer, else the billing contact, else the customer as a whole; in English and
// German, in the preview, the posted HTML and its PDF. The seeded templates' plain greeting becomes
// the contact's; other greetings stay as written.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionLetterResponse } from '../../../server/http/schemas/letters';
import { buildLetterView, type LetterInput } from '../../../server/letters/view';
import { openDevApp, type DevApp } from '../security/world';
import { createCustomer } from './world';

let t: DevApp;
afterEach(async () => t?.close());

const AS_OF = '2026-03-01';

/** A customer due its first letter on AS_OF: billing contact Pat Payable, and Dana Whitfield in purchasing. */
async function customerWithContacts(): Promise<string> {
  t = await openDevApp('agent');
  const { id } = await createCustomer(t.handle.db, { account: 'C-7', invoices: [['INV-7', '2026-02-01', 123456n]] });
  await t.handle.db.insertInto('contacts').values({ customer_id: id, name: 'Dana Whitfield', email: 'dana.whitfield@c-7.example', role: 'Purchasing' }).execute();
  return id;
}

async function preview(id: string, query: string): Promise<string> {
  const res = await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=${AS_OF}${query}` });
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** The body's first paragraph: the greeting. */
const greeting = (html: string) => /<p dir="auto" style="margin:0 0 12px 0;">([^<]*)<\/p>/.exec(html)?.[1];

describe('the salutation of a letter', () => {
  it('greets the sender the agent answers when they are a contact of the customer', async () => {
    const id = await customerWithContacts();
    expect(greeting(await preview(id, '&to=Dana.Whitfield%40c-7.example'))).toBe('Dear Dana Whitfield,');
    expect(greeting(await preview(id, '&to=dana.whitfield%40c-7.example&language=de'))).toBe('Guten Tag Dana Whitfield,');
  });

  it('greets the billing contact when the sender is unknown or not given', async () => {
    const id = await customerWithContacts();
    expect(greeting(await preview(id, ''))).toBe('Dear Pat Payable,');
    expect(greeting(await preview(id, '&to=someone%40elsewhere.example'))).toBe('Dear Pat Payable,');
    expect(greeting(await preview(id, '&language=de'))).toBe('Guten Tag Pat Payable,');
  });

  it('greets the customer as a whole when it has no named contact', async () => {
    t = await openDevApp('agent');
    const { id } = await createCustomer(t.handle.db, { account: 'C-8', invoices: [['INV-8', '2026-02-01', 123456n]] });
    await t.handle.db.updateTable('contacts').set({ name: null }).where('customer_id', '=', id).execute();
    expect(greeting(await preview(id, ''))).toBe('Dear Customer C-8,');
    expect(greeting(await preview(id, '&language=de'))).toBe('Sehr geehrte Damen und Herren,');
    await t.handle.db.deleteFrom('contacts').where('customer_id', '=', id).execute();
    expect(greeting(await preview(id, ''))).toBe('Dear Customer C-8,');
  });

  it('answers 400 naming the field when the recipient is not an email address', async () => {
    const id = await customerWithContacts();
    const res = await t.app.inject({ url: `/api/customers/${id}/letters/preview?asOf=${AS_OF}&to=dana` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining("'to'") });
  });

  it('posts the letter with the same greeting in its stored HTML and its PDF', async () => {
    const id = await customerWithContacts();
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${id}/letters`,
      payload: { delivery: 'reply', asOf: AS_OF, level: 1, to: 'dana.whitfield@c-7.example' },
    });
    expect(posted.statusCode).toBe(201);
    const letter = posted.json<CollectionLetterResponse>();
    expect(greeting((await t.app.inject({ url: letter.htmlUrl })).body)).toBe('Dear Dana Whitfield,');
    const pdf = (await t.app.inject({ url: letter.pdfUrl })).rawPayload;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('Dear Dana Whitfield,');
    expect(text).not.toContain('Dear Customer C-7');
  });
});

describe('templates and the salutation', () => {
  function view(body: string, language: string, contact: string | null) {
    const input: LetterInput = {
      language,
      number: 'CL-000001',
      letterDate: AS_OF,
      levelName: 'Reminder',
      template: { subject: 'Reminder', body, payment: '' },
      company: { name: 'Fabrikam Ltd', addressLines: [], logoPath: null },
      customer: { name: 'Contoso Retail Inc.', account: 'C-1', addressLines: [] },
      contact: contact === null ? null : { name: contact },
      agent: { name: 'Avery Agent', email: 'avery@fabrikam.example' },
      lines: [],
      totals: [{ currency: 'USD', minor: 1000n }],
      fee: null,
      oldestDaysOverdue: 10,
      aging: [],
      accountingCurrency: 'USD',
    };
    return buildLetterView(input).body.map((p) => p.join('\n'));
  }

  it('offers {{salutation}} and {{contactName}} to template writers', () => {
    expect(view('{{salutation}}\n\nText.', 'en', 'Dana Whitfield')).toEqual(['Dear Dana Whitfield,', 'Text.']);
    expect(view('{{salutation}}\n\nText.', 'en', null)).toEqual(['Dear Contoso Retail Inc.,', 'Text.']);
    expect(view('Hi {{contactName}}!', 'en', 'Dana Whitfield')).toEqual(['Hi Dana Whitfield!']);
    expect(view('Hi {{contactName}}!', 'en', null)).toEqual(['Hi Contoso Retail Inc.!']);
  });

  it("reads the seeded templates' plain greeting as the salutation, and leaves every other opening alone", () => {
    expect(view('Dear {{ customerName }},\nText.', 'en', 'Dana Whitfield')).toEqual(['Dear Dana Whitfield,\nText.']);
    expect(view('Sehr geehrte Damen und Herren,\n\nText.', 'de', 'Dana Whitfield')).toEqual(['Guten Tag Dana Whitfield,', 'Text.']);
    expect(view('Dear {{customerName}} team,\n\nText.', 'en', 'Dana Whitfield')).toEqual(['Dear Contoso Retail Inc. team,', 'Text.']);
    expect(view('Hello,\n\nDear {{customerName}},', 'en', 'Dana Whitfield')).toEqual(['Hello,', 'Dear Contoso Retail Inc.,']);
    // A German greeting in an English letter is the writer's choice, not the English fallback.
    expect(view('Sehr geehrte Damen und Herren,', 'en', 'Dana Whitfield')).toEqual(['Sehr geehrte Damen und Herren,']);
  });

  it('never expands template syntax inside a contact name', () => {
    expect(view('{{salutation}}', 'en', '{{customerName}} $& $1')).toEqual(['Dear {{customerName}} $& $1,']);
  });
});
