// The rejection of an import: every bad row with its file, line and column, collected in one list
// (capped, with the full count) so a file set is reported whole and then refused whole.
import { DomainError } from '../domain/errors';
import type { ImportProblem } from './report';

export const MAX_REPORTED_ERRORS = 1000;

function rejectionMessage(listed: number, total: number): string {
  const more = total > listed ? ` (the first ${listed} are listed)` : '';
  return `The import was rejected: ${total} error${total === 1 ? '' : 's'}${more}; nothing was saved.`;
}

/** A refused file set: unprocessable (422 at the HTTP edge), with the problems as the details. */
export class ImportRejectedError extends DomainError {
  constructor(
    readonly errors: ImportProblem[],
    /** All errors found; `errors` holds at most MAX_REPORTED_ERRORS of them. */
    readonly total: number,
  ) {
    super('unprocessable', 'import_rejected', rejectionMessage(errors.length, total), { errors, total });
    this.name = 'ImportRejectedError';
  }
}

/** Collects errors in any order; `sorted()` lists them by file (in the order given), line and column. */
export class ErrorLog {
  private readonly list: ImportProblem[] = [];
  private readonly columns = new Map<string, readonly string[]>();
  total = 0;

  constructor(private readonly fileOrder: string[]) {}

  add(error: ImportProblem): void {
    this.total += 1;
    if (this.list.length < MAX_REPORTED_ERRORS) this.list.push(error);
  }

  /** Count errors found by a query that returned only the first `rows` of `count`. */
  addCounted(errors: ImportProblem[], count: number): void {
    for (const error of errors) this.add(error);
    this.total += count - errors.length;
  }

  get room(): number {
    return MAX_REPORTED_ERRORS - this.list.length;
  }

  /** The file's columns in the order its format lists them, to order one line's errors. */
  setColumns(file: string, columns: readonly string[]): void {
    this.columns.set(file, columns);
  }

  sorted(): ImportProblem[] {
    const rank = (file: string) => this.fileOrder.indexOf(file);
    const place = (e: ImportProblem) => (e.column === null ? -1 : (this.columns.get(e.file)?.indexOf(e.column) ?? 0));
    return [...this.list].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || place(a) - place(b));
  }

  rejection(): ImportRejectedError {
    return new ImportRejectedError(this.sorted(), this.total);
  }
}
