// The import's baseline: PostgreSQL COPY of the same rows (as the import stored them, ids
// included) into the same tables, with the same indexes and constraints, in one transaction.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { openDatabase } from '../server/db/kysely';
import { migrateToLatest } from '../server/db/migrate';
import { runCommand } from './children';
import { DATA_DIR } from './datasets';
import { createDatabase, dropDatabase, urlOf } from './pg-admin';

// Parents before children, as the foreign keys require.
const TABLES = ['agents', 'customers', 'contacts', 'ledger_entries', 'settlements'] as const;
const COUNTED = new Set(['customers', 'contacts', 'ledger_entries', 'settlements']);

export interface CopyOutcome {
  rows: number;
  seconds: number;
}

const psql = (url: string, args: string[]) => runCommand('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], 60 * 60_000);

export async function copyBaseline(source: string, scratch: string): Promise<CopyOutcome> {
  const dir = `${DATA_DIR}copy-${scratch}`;
  await mkdir(dir, { recursive: true });
  try {
    let rows = 0;
    for (const table of TABLES) {
      const out = await psql(urlOf(source), ['-c', `\\copy ${table} to '${dir}/${table}.csv' csv`, '-c', `select count(*) from ${table}`, '-tA']);
      if (COUNTED.has(table)) rows += Number(out.trim().split('\n').pop());
    }
    await createDatabase(scratch);
    const handle = await openDatabase({ databaseUrl: urlOf(scratch) });
    await migrateToLatest(handle.db);
    await handle.close();
    const script = TABLES.map((t) => `\\copy ${t} from '${dir}/${t}.csv' csv`).join('\n');
    await writeFile(`${dir}/load.sql`, `${script}\n`);
    const started = performance.now();
    await psql(urlOf(scratch), ['-1', '-f', `${dir}/load.sql`]);
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(scratch);
  }
}
