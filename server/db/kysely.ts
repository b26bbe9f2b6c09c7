// Opens the database: an in-process PGlite under DATA_DIR (the embedded default) or a PostgreSQL
// pool when DATABASE_URL is set. Both return int8 as bigint, date as 'YYYY-MM-DD', numeric as string,
// and both run transactions that can bulk-load with COPY, which Kysely has no builder for.
import { mkdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type Results } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
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
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database } from './schema';

/** Rows for COPY … FROM STDIN in PostgreSQL's text format (fields by copyField, one row a line): one string or a stream. */
export type CopyRows = string | AsyncIterable<string>;

/** A transaction's queries, and bulk loads into it (Kysely has no COPY, so the handle provides it). */
export interface BulkTransaction {
  db: Kysely<Database>;
  /** COPY on the transaction's own connection: part of the transaction, its temporary tables included. */
  copyFrom(table: string, columns: readonly string[], rows: CopyRows): Promise<void>;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: 'pglite' | 'postgres';
  /** Runs `work` in one transaction, committed when it returns and rolled back when it throws. */
  transaction<T>(work: (trx: BulkTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** COPY text format: backslash, tab and line breaks escaped; null as \N. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : '\\\\'));
}

const copyStatement = (table: string, columns: readonly string[], from: string) =>
  `copy ${table} (${columns.join(', ')}) from ${from}`;

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
  // The server's queries are short: JIT compiling one costs more (about 200 ms on a fresh ledger)
  // than it saves, so the pool's sessions start with it off.
  const pool = new pg.Pool({ connectionString, types: { getTypeParser }, options: '-c jit=off' });
  // An idle client cut off by the server (a restart, a terminated backend) is dropped by the pool and
  // replaced on the next query; without a listener its 'error' event would end the whole process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', transaction: (work) => postgresTransaction(pool, work), close: () => db.destroy() };
}

/**
 * A transaction on one client of the pool, which both a Kysely lent that client alone and
 * pg-copy-streams use, so the queries and the COPY run in the same transaction.
 */
async function postgresTransaction<T>(pool: pg.Pool, work: (trx: BulkTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // Kysely releases what it acquired after the transaction: the client goes back to the pool below, once.
  const lent: PostgresPool = {
    connect: async () => ({ query: client.query.bind(client) as PostgresPoolClient['query'], release: () => undefined }),
    end: async () => undefined,
  };
  const copyFrom = async (table: string, columns: readonly string[], rows: CopyRows) => {
    // Readable.from passes a string on whole, as one chunk.
    await pipeline(Readable.from(rows), client.query(copyFromStdin(copyStatement(table, columns, 'stdin'))));
  };
  try {
    const single = new Kysely<Database>({ dialect: new PostgresDialect({ pool: lent }) });
    return await single.transaction().execute((trx) => work({ db: trx, copyFrom }));
  } finally {
    client.release();
  }
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
  // PGlite has one session, which the transaction holds: COPY sent to the instance runs inside it.
  const copyFrom = async (table: string, columns: readonly string[], rows: CopyRows) => {
    const parts: string[] = [];
    if (typeof rows === 'string') parts.push(rows);
    else for await (const part of rows) parts.push(part);
    await client.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob(parts) });
  };
  return {
    db,
    dialect: 'pglite',
    transaction: (work) => db.transaction().execute((trx) => work({ db: trx, copyFrom })),
    close: () => db.destroy(),
  };
}

// Like node-pg, a query without parameters goes through the simple protocol (so a migration may hold
// several statements). PGlite has one session, so its one connection is lent to one user at a time.
class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    let result: Results<R>;
    if (compiled.parameters.length === 0) {
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
