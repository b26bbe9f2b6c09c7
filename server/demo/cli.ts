// `npm run demo:csv -- --customers 50000 --entries 2000000 --out bench/data/large --as-of 2026-11-24`:
// writes the demo company as import CSV files, printing progress lines as it goes.
import { parseArgs } from 'node:util';
import { DEMO_DEFAULT_CUSTOMERS, DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from './company';
import { writeCompanyCsv } from './write';

const USAGE = `Usage: npm run demo:csv -- [--customers N] [--entries N] [--out DIR] [--as-of YYYY-MM-DD]
                        [--seed N] [--accounting-currency USD]`;

function positiveInteger(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a positive integer, not '${value}'`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      entries: { type: 'string' },
      out: { type: 'string', default: 'demo-data' },
      'as-of': { type: 'string', default: DEMO_REFERENCE_DATE },
      seed: { type: 'string' },
      'accounting-currency': { type: 'string', default: 'USD' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const customers = positiveInteger('customers', values.customers, DEMO_DEFAULT_CUSTOMERS) as number;
  const started = Date.now();
  let lastPrint = started;
  const files = await writeCompanyCsv(values.out, {
    customers,
    ledgerEntries: positiveInteger('entries', values.entries, undefined),
    seed: positiveInteger('seed', values.seed, DEMO_DEFAULT_SEED),
    asOf: values['as-of'],
    accountingCurrency: values['accounting-currency'],
    onProgress: ({ file, rows, bytes, done }) => {
      const now = Date.now();
      if (!done && now - lastPrint < 1000) return;
      lastPrint = now;
      const seconds = ((now - started) / 1000).toFixed(1);
      console.log(`${file}: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB${done ? ' written' : ''} (${seconds} s)`);
    },
  });
  console.log(`Wrote ${files.map((f) => f.path).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exitCode = 1;
});
