// Opens the database: an in-process PGlite under DATA_DIR (the embedded default) or a PostgreSQL
// pool when DATABASE_URL is set. Both return int8 as bigint, date as 'YYYY-MM-DD', numeric as string.
import { mkdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type Results } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  sql,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type PostgresPool,
  type PostgresPoolClient,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Bulk-loads rows with COPY … FROM STDIN (PostgreSQL's text format: tab-separated, \N for null, one
 * row per line), on the connection `db` runs on, so inside a transaction it is part of it. Kysely has
 * no COPY, so the statement carries a marker the two drivers below recognise.
 */
export async function copyInto(db: Kysely<Database>, table: string, columns: string[], rows: string): Promise<void> {
  const id = String(nextCopy++);
  pendingCopies.set(id, rows);
  try {
    await sql.raw(`${COPY_MARKER}${id}*/ copy ${table} (${columns.join(', ')}) from stdin`).execute(db);
  } finally {
    pendingCopies.delete(id);
  }
}

const COPY_MARKER = '/*copy:';
const pendingCopies = new Map<string, string>();
let nextCopy = 1;

function pendingCopy(statement: string): { statement: string; rows: string } | null {
  if (!statement.startsWith(COPY_MARKER)) return null;
  const end = statement.indexOf('*/');
  const rows = pendingCopies.get(statement.slice(COPY_MARKER.length, end));
  if (rows === undefined) throw new Error('COPY data missing');
  return { statement: statement.slice(end + 2), rows };
}

/** COPY text format: backslash, tab and line breaks escaped; null as \N. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : '\\\\'));
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const identity = (value: string): string => value;

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPGlite(opts.dataDir ?? './data');
}

function openPostgres(connectionString: string): DatabaseHandle {
  // Per-pool parsers rather than pg.types.setTypeParser, which would change every pool in the process.
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => BigInt(value);
    if (oid === DATE || oid === NUMERIC) return identity;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser;
  const pool = new pg.Pool({ connectionString, types: { getTypeParser } });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function copyWith(client: pg.PoolClient, copy: { statement: string; rows: string }) {
  const stream = client.query(copyFrom(copy.statement));
  await pipeline(Readable.from([copy.rows]), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

/** A pool whose clients run marked COPY statements (see copyInto) through pg-copy-streams. */
function copyingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((statement: unknown, params?: unknown[]) => {
      const copy = typeof statement === 'string' ? pendingCopy(statement) : null;
      return copy ? copyWith(client, copy) : client.query(statement as string, params);
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    connect: async () => {
      const client = await pool.connect();
      let copying = wrapped.get(client);
      if (!copying) wrapped.set(client, (copying = wrap(client)));
      return copying;
    },
    end: () => pool.end(),
  };
}

/** The type parsers every PGlite instance of ours is created with. */
export const pgliteParsers = {
  [INT8]: (value: string) => BigInt(value),
  [DATE]: identity,
  [NUMERIC]: identity,
};

async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  return wrapPGlite(await PGlite.create(dataDir, { parsers: pgliteParsers }));
}

/** A handle over a PGlite instance created elsewhere (with pgliteParsers); closing it closes the instance. */
export function wrapPGlite(client: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}

// Like node-pg, a query without parameters goes through the simple protocol (so a migration may hold
// several statements). PGlite has one session, so its one connection is lent to one user at a time.
class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    let result: Results<R>;
    const copy = pendingCopy(compiled.sql);
    if (copy) {
      const statement = copy.statement.replace(/from stdin$/, "from '/dev/blob'");
      result = await this.pg.query<R>(statement, [], { blob: new Blob([copy.rows]) });
    } else if (compiled.parameters.length === 0) {
      const results = await this.pg.exec(compiled.sql);
      result = (results[results.length - 1] ?? { rows: [], fields: [] }) as Results<R>;
    } else {
      result = await this.pg.query<R>(compiled.sql, [...compiled.parameters]);
    }
    return result.affectedRows === undefined
      ? { rows: result.rows }
      : { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiled);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdent(name)}`));
  }

  async rollbackToSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdent(name)}`));
  }

  async releaseSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdent(name)}`));
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
