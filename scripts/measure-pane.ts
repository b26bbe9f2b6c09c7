// Measures, in the browser preview against a local server (PGlite, demo company), the time from
// selecting an email to the customer's balance on screen in the pane: median of 20 selections.
// usage: npx tsx scripts/measure-pane.ts [selections=20] [demo customers=the demo's default]
import { formatMoney } from '../addin/ui/format';
import { chromiumStatus, ensureAddinBuilt, launchChromium, openPreview, paneFrame, resolvableEmails, startServer } from '../tests/e2e/support';

const SELECTIONS = Number(process.argv[2] ?? 20);
const CUSTOMERS = process.argv[3] === undefined ? undefined : Number(process.argv[3]);

const { executablePath, skipReason } = chromiumStatus();
if (skipReason) {
  console.error(`measure-pane: ${skipReason}`);
  process.exit(1);
}
ensureAddinBuilt();
const [server, browser] = await Promise.all([startServer({ customers: CUSTOMERS }), launchChromium(executablePath)]);
try {
  const emails = await resolvableEmails(server, 3);
  const page = await openPreview(browser, server.baseUrl);
  await paneFrame(page);
  const timings: number[] = [];
  for (let i = 0; i < SELECTIONS; i++) {
    const { email, summary } = emails[i % emails.length]!;
    const balance = formatMoney(summary.balance, summary.currency, 'en-US');
    // Timed inside the page: the click, then the first painted frame whose pane shows the balance.
    // (No named inner functions: tsx would wrap them in a helper the page does not have.)
    const ms = await page.evaluate(
      ({ id, name, balance }) =>
        new Promise<number>((resolve, reject) => {
          const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Collections task pane"]')!;
          const doc = frame.contentDocument!;
          const start = performance.now();
          const timeout = setTimeout(() => reject(new Error(`balance ${balance} of ${name} not shown in 10 s`)), 10_000);
          const observer = new MutationObserver(() => {
            const text = doc.body.innerText;
            if (!text.includes(name) || !text.includes(balance)) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              clearTimeout(timeout);
              resolve(performance.now() - start);
            });
          });
          observer.observe(doc.body, { subtree: true, childList: true, characterData: true });
          document.querySelector<HTMLButtonElement>(`button[data-email-id="${id}"]`)!.click();
        }),
      { id: email.id, name: summary.customer.name, balance },
    );
    timings.push(ms);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const median = sorted.length % 2 ? at(0.5) : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  console.log(`measure-pane: ${SELECTIONS} selections over ${emails.length} customers, selection → balance on screen`);
  console.log(`  median ${median.toFixed(0)} ms · p90 ${at(0.9).toFixed(0)} ms · min ${sorted[0]!.toFixed(0)} ms · max ${sorted.at(-1)!.toFixed(0)} ms (target 300 ms)`);
} finally {
  await browser.close();
  await server.close();
}
