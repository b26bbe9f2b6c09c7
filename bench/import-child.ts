// Imports a generated company through the product's importFiles into a fresh database, in its own
// process so that its peak RSS is the import's own.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/db/kysely';
import { migrateToLatest } from '../server/db/migrate';
import { importFiles, type ImportSource } from '../server/import/index';
import { childMain, peakRssMb } from './children';
import { CSV_FILES } from './datasets';
import type { ServerTarget } from './server-child';



export interface ImportOutcome {
  rows: number;
  seconds: number;
  peakRssMb: number;
}

childMain(async () => {
  const target = JSON.parse(process.argv[2]!) as ServerTarget;
  const dir = process.argv[3]!;
  const handle = await openDatabase(target);
  await migrateToLatest(handle.db);
  const sources: ImportSource[] = CSV_FILES.map((kind) => {
    const path = join(dir, `${kind}.csv`);
    return { name: `${kind}.csv`, open: () => createReadStream(path) };
  });
  const started = performance.now();
  const result = await importFiles(handle, sources, { accountingCurrency: 'USD', actor: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  const outcome: ImportOutcome = { rows: result.files.reduce((sum, f) => sum + f.rows, 0), seconds, peakRssMb: peakRssMb() };
  process.send!({ type: 'result', ...outcome }, () => process.exit(0));
});
