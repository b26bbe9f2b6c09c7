// Imports a company's receivables from CSV and JSON files in one transaction: stream every row
// into staging tables (checking each row as it passes), check the set as a whole, then merge. Any
// bad row rejects the whole set with every problem listed; nothing is saved.
import { sql } from 'kysely';
import type { BulkTransaction, DatabaseHandle } from '../db/kysely';
import { checkDuplicates, collect, referenceChecks } from './checks';
import { readCsv } from './csv';
import { ErrorLog } from './errors';
import { detectKind, FORMATS, KIND_ORDER, type ImportKind } from './formats';
import { readJson } from './json';
import { mergeStaged } from './merge';
import type { ImportedFile, ImportReport } from './report';
import { contactRow, contractRow, customerRow, ledgerRow, RowReader, settlementRow, type Value } from './rows';
import { checkOverSettlement, resolveSettlements, settlementChecks } from './settle-check';
import { chunksOf, sniffFormat, type ImportSource, type ReaderEvents } from './source';
import { analyzeStaged, createStagingTables, Stager } from './staging';

export { ImportRejectedError, MAX_REPORTED_ERRORS } from './errors';
export type { ImportReport } from './report';
export type { ImportSource } from './source';

export interface ImportOptions {
  accountingCurrency: string;
  actor: string;
  onProgress?: (p: { file: string; rows: number; bytes: number }) => void;
}

async function* eventsOf(source: ImportSource, onBytes?: (bytes: number) => void): ReaderEvents {
  const { format, chunks } = await sniffFormat(chunksOf(source, onBytes));
  yield* format === 'json' ? readJson(chunks) : readCsv(chunks);
}

/** The kind of a file, from its header (or a JSON file's first row or "kind"), without reading on. */
async function sniffKind(source: ImportSource, log: ErrorLog): Promise<ImportKind | null> {
  for await (const events of eventsOf(source)) {
    for (const event of events) {
      if (event.type === 'error') return noHeader(source, log);
      if (event.type === 'declared' && KIND_ORDER.includes(event.kind as ImportKind)) return event.kind as ImportKind;
      if (event.type === 'header') {
        const found = detectKind(event.names);
        if ('kind' in found) return found.kind;
        log.add({ file: source.name, line: event.line, column: null, reason: `Unknown format: ${found.problem}` });
        return null;
      }
    }
  }
  return noHeader(source, log);
}

function noHeader(source: ImportSource, log: ErrorLog): null {
  log.add({ file: source.name, line: 1, column: null, reason: 'The file is empty or unreadable: no header found' });
  return null;
}

const CONVERTERS: Record<ImportKind, (r: RowReader, accountingCurrency: string) => Value[]> = {
  customers: customerRow,
  contacts: (r) => contactRow(r),
  contracts: (r) => contractRow(r),
  ledger: ledgerRow,
  settlements: (r) => settlementRow(r),
};

async function stageFile(
  trx: BulkTransaction,
  source: ImportSource,
  kind: ImportKind,
  file: number,
  log: ErrorLog,
  opts: ImportOptions,
): Promise<number> {
  const report = (line: number, column: string | null, reason: string) =>
    log.add({ file: source.name, line, column, reason });
  const stager = new Stager(trx, kind, file);
  const columns = FORMATS[kind].columns;
  const known = new Set(columns);
  log.setColumns(source.name, columns);
  let bytes = 0;
  let rows = 0;
  for await (const events of eventsOf(source, (b) => (bytes = b))) {
    for (const event of events) {
      if (event.type === 'error') report(event.line, event.column, event.reason);
      else if (event.type === 'declared' && event.kind !== kind) {
        report(event.line, null, `"kind" says ${event.kind} but the rows are ${kind} rows`);
      } else if (event.type === 'row') {
        const reader = new RowReader(event.values);
        for (const name in event.values) {
          if (!known.has(name)) reader.problem(name, `is not a column of a ${kind} file`);
        }
        const values = CONVERTERS[kind](reader, opts.accountingCurrency);
        for (const p of reader.problems) report(event.line, p.column, p.reason);
        const sending = stager.add(event.line, values, reader.problems.length === 0);
        if (sending) await sending;
        if (++rows % 10_000 === 0) opts.onProgress?.({ file: source.name, rows, bytes });
      }
    }
  }
  await stager.finish();
  opts.onProgress?.({ file: source.name, rows: stager.staged, bytes });
  return stager.staged;
}

export async function importFiles(
  database: DatabaseHandle,
  sources: ImportSource[],
  opts: ImportOptions,
): Promise<ImportReport> {
  const names = sources.map((s) => s.name);
  const log = new ErrorLog(names);
  const kinds: Array<ImportKind | null> = [];
  for (const source of sources) kinds.push(await sniffKind(source, log));
  if (log.total > 0) throw log.rejection();
  // Settlements refer to ledger rows, ledger rows, contacts and contracts to customers: read in that order.
  const order = sources
    .map((source, file) => ({ source, file, kind: kinds[file]! }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.file - b.file);

  const report = await database.transaction(async (bulk) => {
    const trx = bulk.db;
    // Sorts and hashes of a million staged rows fit in memory instead of spilling (the default is 4 MB).
    await sql`set local work_mem = '128MB'`.execute(trx);
    await createStagingTables(trx);
    const files: ImportedFile[] = [];
    for (const { source, file, kind } of order) {
      files[file] = { file: source.name, kind, rows: await stageFile(bulk, source, kind, file, log, opts) };
    }
    await analyzeStaged(trx);
    let ledgerHasDuplicates = false;
    for (const kind of KIND_ORDER) {
      const found = await checkDuplicates(trx, log, names, kind);
      if (kind === 'ledger') ledgerHasDuplicates = found;
    }
    for (const check of referenceChecks) await collect(trx, log, names, check);
    await resolveSettlements(trx, ledgerHasDuplicates);
    await collect(trx, log, names, settlementChecks);
    await checkOverSettlement(trx, log, names, ledgerHasDuplicates);
    if (log.total > 0) throw log.rejection();

    const counts = await mergeStaged(trx);
    const report: ImportReport = { files, ...counts };
    await trx
      .insertInto('audit_events')
      .values({ actor: opts.actor, action: 'import', entity: 'import', entity_id: null, before: null, after: JSON.stringify(report) })
      .execute();
    return report;
  });
  await analyzeLoaded(database);
  return report;
}

/**
 * Fresh statistics for the tables an import loads, before it returns: without autovacuum (off on
 * some managed set-ups) the planner would otherwise plan the pane's first queries for empty tables,
 * slowly and with JIT. After the commit, so that it samples the committed rows.
 */
async function analyzeLoaded(database: DatabaseHandle): Promise<void> {
  await sql`analyze agents, customers, contacts, contracts, ledger_entries, settlements`.execute(database.db);
}

