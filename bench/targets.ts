// The databases a run measures: PostgreSQL (a database per data set) and PGlite (a folder per data
// set). Each run imports the data set afresh through the product (timed), and keeps the result as
// the served database when none of that data set is loaded yet.
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { runTs } from './children';
import { DATA_DIR, type Dataset } from './datasets';
import type { ImportOutcome } from './import-child';
import { createDatabase, dropDatabase, loadedKey, markLoaded, renameDatabase, urlOf } from './pg-admin';
import type { ServerTarget } from './server-child';

export interface Target {
  kind: 'postgres' | 'pglite';
  server: ServerTarget;
}

const IMPORT_TIMEOUT_MS = 3 * 60 * 60_000;

export function pgName(prefix: string, set: Dataset): string {
  return `${prefix}_c${set.customers}_e${set.entries}_s${set.seed}`;
}

function importInto(server: ServerTarget, set: Dataset): Promise<ImportOutcome> {
  return runTs<ImportOutcome>('./import-child.ts', [JSON.stringify(server), set.csvDir], IMPORT_TIMEOUT_MS);
}

/**
 * The PostgreSQL database serving `set`; with `measure`, the product import is timed into a
 * scratch database (which becomes the served one if that is not loaded yet).
 */
export async function postgresTarget(prefix: string, set: Dataset, measure: boolean): Promise<{ target: Target; imported: ImportOutcome | null }> {
  const name = pgName(prefix, set);
  const loaded = (await loadedKey(name)) === set.key;
  let imported: ImportOutcome | null = null;
  if (measure || !loaded) {
    const scratch = `${name}_import`;
    await createDatabase(scratch);
    try {
      imported = await importInto({ databaseUrl: urlOf(scratch) }, set);
      if (!loaded) {
        await renameDatabase(scratch, name);
        await markLoaded(name, set.key);
      }
    } finally {
      await dropDatabase(scratch);
    }
  }
  return { target: { kind: 'postgres', server: { databaseUrl: urlOf(name) } }, imported };
}

export async function pgliteTarget(prefix: string, set: Dataset, measure: boolean): Promise<{ target: Target; imported: ImportOutcome | null }> {
  const dir = `${DATA_DIR}pglite-${prefix}-${set.key}`;
  const marker = `${dir}.loaded`;
  const loaded = existsSync(marker);
  let imported: ImportOutcome | null = null;
  if (measure || !loaded) {
    const scratch = `${dir}-import`;
    await rm(scratch, { recursive: true, force: true });
    try {
      imported = await importInto({ dataDir: scratch }, set);
      if (!loaded) {
        await rm(dir, { recursive: true, force: true });
        await rename(scratch, dir);
        await writeFile(marker, set.key);
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  return { target: { kind: 'pglite', server: { dataDir: dir } }, imported };
}

export async function removePglite(prefix: string, set: Dataset): Promise<void> {
  const dir = `${DATA_DIR}pglite-${prefix}-${set.key}`;
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.loaded`, { force: true });
  await rm(`${dir}-import`, { recursive: true, force: true });
}
