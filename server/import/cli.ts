// `npm run import -- FILE…`: imports receivables files into the configured database (DATABASE_URL,
// else the embedded one under DATA_DIR), with a progress bar on a terminal. Exits 1 when the set is
// rejected, after listing every problem.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/kysely';
import { migrateToLatest } from '../db/migrate';
import { importFiles, ImportRejectedError, type ImportSource } from './index';

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    console.error('Usage: npm run import -- FILE… (CSV or JSON: customers, contacts, contracts, ledger, settlements)');
    return 2;
  }
  const config = loadConfig();
  const sizes = new Map<string, number>();
  for (const path of paths) {
    const size = await stat(path).then((s) => s.size, () => null);
    if (size === null) {
      console.error(`Cannot read ${path}.`);
      return 2;
    }
    sizes.set(path, size);
  }
  const sources: ImportSource[] = paths.map((path) => ({ name: basename(path), open: () => createReadStream(path) }));

  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { format: '{file} [{bar}] {percentage}% | {rows} rows', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const totalBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const done = new Map<string, number>();
  bar?.start(totalBytes, 0, { file: '', rows: 0 });

  const handle = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  const started = Date.now();
  try {
    await migrateToLatest(handle.db);
    const result = await importFiles(handle, sources, {
      accountingCurrency: config.accountingCurrency,
      actor: 'import-cli',
      onProgress: ({ file, rows, bytes }) => {
        done.set(file, bytes);
        bar?.update([...done.values()].reduce((a, b) => a + b, 0), { file, rows });
      },
    });
    bar?.stop();
    const seconds = (Date.now() - started) / 1000;
    const rows = result.files.reduce((sum, f) => sum + f.rows, 0);
    for (const f of result.files) console.log(`${f.file}: ${f.rows} ${f.kind} rows`);
    console.log(
      `Imported ${rows} rows in ${seconds.toFixed(1)} s: ${result.inserted} inserted, ${result.updated} updated, ` +
        `${result.unchanged} unchanged.`,
    );
    return 0;
  } catch (error) {
    bar?.stop();
    if (!(error instanceof ImportRejectedError)) throw error;
    for (const e of error.errors) {
      console.error(`${e.file}:${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.reason}`);
    }
    console.error(error.message);
    return 1;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
