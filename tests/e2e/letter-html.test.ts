// The letter's email HTML in Chromium: at 300 px (a task pane's letter frame) nothing sticks out
// sideways, even with long document numbers, large amounts and a long address; screenshots at 320
// and 800 px go to test-artifacts/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterLine } from '../../server/domain/letters';
import { renderLetter } from '../../server/letters/render';
import type { LetterInput } from '../../server/letters/view';
import { artifactsDir, chromiumStatus, launchChromium } from './support';

const { executablePath, skipReason } = chromiumStatus();

function line(document: string, open: bigint, currency: string, daysOverdue: number): LetterLine {
  return { entryId: document, document, postingDate: '2025-09-01', dueDate: '2025-10-01', currency, open, openAccounting: open, daysOverdue, status: 'none' };
}

function letter(language: string): LetterInput {
  return {
    language,
    number: 'CL-000042',
    letterDate: '2026-11-24',
    levelName: 'Final notice',
    template: {
      subject: 'Final notice {{letterNumber}}: overdue items of {{customerName}}',
      body: 'Dear {{customerName}},\n\nPlease pay {{totalDue}} (fee {{fee}}) by {{payBy}}.',
      payment: 'Bank transfer to IBAN DE89370400440532013000 quoting {{customerAccount}}.',
    },
    company: { name: 'Fabrikam Collections International Ltd', addressLines: ['1 Harbour Road', 'Bristol BS1 4ND'], logoPath: null },
    customer: { name: 'Contoso Retail Incorporated International', account: 'C-10042-ACCOUNT-WITH-A-LONG-SUFFIX', addressLines: ['שלום עולם 5', '🐙 Octo Street'] },
    agent: { name: 'Avery Agent', email: 'avery.agent.collections.department@fabrikam.example' },
    lines: [
      line('INV-2025-0000123456', 12_345_678_901n, 'USD', 431),
      line('CN-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 5_000n, 'USD', 1_204),
      line('INV-9', 99_000n, 'EUR', 12),
    ],
    totals: [{ currency: 'EUR', minor: 99_000n }, { currency: 'USD', minor: 12_345_683_901n }],
    fee: { currency: 'USD', minor: 4_000n },
    oldestDaysOverdue: 1_204,
    aging: [],
    accountingCurrency: 'USD',
  };
}

describe.skipIf(skipReason !== null)('the letter HTML in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(executablePath);
  });
  afterAll(async () => browser?.close());

  it.each(['en', 'de'])('fits 300 px without sideways scrolling and 800 px at its 600 px width (%s)', async (language) => {
    const { html } = await renderLetter(letter(language));
    mkdirSync(artifactsDir, { recursive: true });
    for (const width of [300, 320, 800]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.setContent(html);
      const measured = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        // The widest element's right edge: overflow hidden inside a table cell shows here too.
        right: Math.max(...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
        card: document.querySelector('table table')!.getBoundingClientRect().width,
      }));
      expect(measured.scrollWidth, `${width} px`).toBeLessThanOrEqual(width);
      expect(measured.right, `${width} px`).toBeLessThanOrEqual(width);
      if (width === 800) expect(measured.card).toBe(600);
      if (width !== 300) await page.screenshot({ path: path.join(artifactsDir, `letter-html-${language}-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
