// What an import reports, in its own terms (the HTTP route maps it to the API's JSON): the files it
// read and the rows it saved, or, when it refuses the set, every problem with its file and line.
import type { ImportKind } from './formats';

export interface ImportedFile {
  file: string;
  kind: ImportKind;
  /** Rows read from the file (blank lines not counted). */
  rows: number;
}

export interface ImportReport {
  files: ImportedFile[];
  inserted: number;
  updated: number;
  /** Rows identical to what was already saved. */
  unchanged: number;
}

/** A bad row, or a problem with a whole file (its header, its syntax) at the line where it shows. */
export interface ImportProblem {
  file: string;
  line: number;
  column: string | null;
  reason: string;
}
