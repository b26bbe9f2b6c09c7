// A rendered letter shows every overdue item and total, escapes every customer- and template-provided
// text, and its PDF is a valid document whose extracted text holds the same totals.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { LetterLine } from '../../../server/domain/letters';
import { renderLetter } from '../../../server/letters/render';
import type { LetterInput } from '../../../server/letters/view';

const hostile = '"><img src=x onerror=alert(1)>';

function line(document: string, open: bigint, currency = 'USD', daysOverdue = 31): LetterLine {
  return { entryId: document, document, postingDate: '2026-01-01', dueDate: '2026-01-31', currency, open, openAccounting: open, daysOverdue, status: 'none' };
}

function input(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    language: 'en',
    number: 'CL-000042',
    letterDate: '2026-03-03',
    levelName: 'First notice',
    template: {
      subject: 'First notice {{letterNumber}} for {{customerName}}',
      body: 'Dear {{customerName}},\n\nPlease pay {{totalDue}} (fee {{fee}}) by {{payBy}}.',
      payment: 'Bank transfer quoting {{customerAccount}}.',
    },
    company: { name: 'Fabrikam Ltd', addressLines: ['1 Harbour Road', 'Bristol BS1 4ND'], logoPath: null },
    customer: { name: 'Contoso <script>alert(1)</script>', account: `C-1${hostile}`, addressLines: ['שלום עולם 5', '🐙 Octo Street'] },
    agent: { name: 'Avery Agent', email: 'avery@fabrikam.example' },
    lines: [line('INV-1001', 123456n), line('INV-1002', 5000n), line('INV-2001', 99000n, 'EUR', 12)],
    totals: [{ currency: 'EUR', minor: 99000n }, { currency: 'USD', minor: 128456n }],
    fee: { currency: 'USD', minor: 1000n },
    oldestDaysOverdue: 31,
    aging: [{ label: 'Current', amount: 0n }, { label: '1–30', amount: 107000n }, { label: '31–60', amount: 128456n }],
    accountingCurrency: 'USD',
    ...overrides,
  };
}

/** Intl separates amount and currency code with a no-break space; compare with plain spaces. */
const plain = (text: string): string => text.replaceAll('\u00a0', ' ');

function pdfText(pdf: Buffer): string {
  return plain(execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8'));
}

async function render(overrides: Partial<LetterInput> = {}) {
  const letter = await renderLetter(input(overrides));
  return { ...letter, html: plain(letter.html) };
}

describe('HTML letter', () => {
  it('lists every overdue item with its amount, the totals per currency, the fee and the total due', async () => {
    const { html, subject } = await render();
    for (const doc of ['INV-1001', 'INV-1002', 'INV-2001']) expect(html).toContain(doc);
    expect(html).toContain('USD 1,234.56');
    expect(html).toContain('EUR 990.00');
    expect(html).toContain('USD 1,284.56'); // total overdue in USD
    expect(html).toContain('USD 10.00'); // fee
    expect(html).toContain('USD 1,294.56'); // total due in USD, fee included
    expect(html).toContain('17 Mar 2026'); // pay by: letter date + 14 days
    expect(subject).toBe('First notice CL-000042 for Contoso <script>alert(1)</script>');
  });

  it('escapes customer text and keeps right-to-left and emoji text intact', async () => {
    const { html } = await render();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Contoso &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('C-1&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<div dir="auto">שלום עולם 5</div>');
    expect(html).toContain('🐙 Octo Street');
  });

  it('treats template text as plain text: template syntax is shown, never run', async () => {
    const template = {
      subject: '<%= it.number %> {{unknown}}',
      body: '<%~ process.exit(1) %> <b>{{customerName}}</b>',
      payment: '{{ customerAccount }}',
    };
    const { html, subject } = await render({ template, customer: { name: '{{fee}}', account: 'C-9', addressLines: [] } });
    expect(subject).toBe('<%= it.number %> {{unknown}}');
    expect(html).toContain('&lt;%~ process.exit(1) %&gt; &lt;b&gt;{{fee}}&lt;/b&gt;');
    expect(html).toContain('>C-9</p>');
  });

  it('formats amounts and dates for the letter’s language', async () => {
    const { html } = await render({ language: 'de' });
    expect(html).toContain('1.234,56 USD');
    expect(html).toContain('Mahngebühr');
    expect(html).toContain('17. März 2026');
  });

  it('uses tables and inline styles only, no flex or grid, at most 600 px wide', async () => {
    const { html } = await render();
    expect(html).not.toMatch(/display:\s*(flex|grid)/);
    expect(html).not.toMatch(/<style/);
    expect(html).toContain('max-width:600px');
  });

  it('fixes no width over 270 px outside the tables only Outlook for Windows reads, so it fits a task pane', async () => {
    const { html } = await render();
    const outsideMso = html.replace(/<!--\[if mso\]>.*?<!\[endif\]-->/gs, '');
    const fixed = [...outsideMso.matchAll(/(?<![-\w])width(?:="|:\s*)(\d+)(?![\d%])/g)].map((m) => Number(m[1]));
    expect(fixed.filter((w) => w > 270)).toEqual([]);
    expect(outsideMso).not.toMatch(/min-width/);
    // Amounts may put the currency code on a line of its own; the number itself stays whole.
    const raw = (await renderLetter(input())).html;
    expect(raw).toContain('>USD 1,234.56</td>');
    expect(raw).not.toMatch(/white-space:nowrap;">[^<]*USD/);
  });
});

describe('PDF statement', () => {
  it('is a valid PDF whose text holds the items, totals, fee and total due', async () => {
    const { pdf } = await render();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeLessThan(3 * 1024 * 1024);
    const text = pdfText(pdf);
    for (const expected of ['CL-000042', 'INV-1001', 'INV-2001', 'USD 1,234.56', 'USD 1,284.56', 'EUR 990.00', 'USD 10.00', 'USD 1,294.56', 'Fabrikam Ltd']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Total due\s+USD 1,294\.56/);
  });

  it('prints a Latin-only letter in the standard font with the same totals', async () => {
    const { pdf } = await render({ customer: { name: 'Müller & Söhne GmbH', account: 'C-2', addressLines: ['Hauptstraße 1'] } });
    const text = pdfText(pdf);
    expect(text).toContain('Müller & Söhne GmbH');
    expect(text).toMatch(/Total due\s+USD 1,294\.56/);
    expect(text).toMatch(/Total due\s+EUR 990\.00/);
  });

  it('continues the items on a second page when they do not fit on one', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => line(`INV-${5000 + i}`, 1000n));
    const { pdf } = await render({ lines, totals: [{ currency: 'USD', minor: 80000n }] });
    const text = pdfText(pdf);
    expect(text).toContain('INV-5079');
    expect(text.split('\f').filter((page) => page.trim() !== '').length).toBeGreaterThan(1);
  });
});
