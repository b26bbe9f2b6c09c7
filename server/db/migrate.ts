// Brings a database to the latest schema: the files server/db/migrations/NNN-name.ts in name order,
// recorded in kysely_migration. Kysely's migrator runs them in one transaction under a PostgreSQL
// advisory lock, so two processes starting at once apply each migration exactly once. Readiness asks
// whether every migration file has been applied.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_FILE = /^\d{3}-[\w-]+\.(ts|js|mjs)$/;

// Read from the folder (not an index) so that adding a migration is adding a file; a dynamic
// import works the same under tsx, vitest and compiled JavaScript.
const provider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(migrationsDir)).filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts'));
    const migrations: Record<string, Migration> = {};
    for (const file of files.sort()) {
      const mod = (await import(pathToFileURL(migrationsDir + file).href)) as Partial<Migration>;
      if (typeof mod.up !== 'function') throw new Error(`Migration ${file} does not export up(db)`);
      migrations[file.replace(/\.\w+$/, '')] = { up: mod.up, ...(mod.down ? { down: mod.down } : {}) };
    }
    return migrations;
  },
};

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
}

/** True when every migration file has been applied (a process started on an older build says false). */
export async function migrationsCurrent(db: Kysely<Database>): Promise<boolean> {
  const migrations = await new Migrator({ db, provider }).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
