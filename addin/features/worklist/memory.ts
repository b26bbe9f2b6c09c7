// Where the worklist keeps its place while a customer is open: the pool, the chart's filter, the
// search, the rows loaded so far and the scroll offset. Held above the customer view (a ref of the
// pane), so "Back to worklist" finds everything as it was; light enough for the pane's first chunk.
import { useRef } from 'react';
import type { WorklistFilter } from './client';
import type { WorklistItem } from './types';

export interface LoadedRows {
  /** The pool, search and filter the rows were loaded for. */
  key: string;
  items: WorklistItem[];
  nextCursor: string | null;
  total: number;
  currency: string;
}

export interface WorklistMemory {
  /** null until the pools are read: then the agent's default pool. */
  poolId: string | null;
  filter: WorklistFilter | null;
  search: string;
  rows: LoadedRows | null;
  scrollOffset: number;
  /** The customer last opened from the list: its row is focused on return. */
  openedId: string | null;
  /** That customer is shown instead of the list (kept when an email comes and goes). */
  customerOpen: boolean;
  chartView: 'status' | 'period';
}

export function emptyMemory(): WorklistMemory {
  return { poolId: null, filter: null, search: '', rows: null, scrollOffset: 0, openedId: null, customerOpen: false, chartView: 'status' };
}

export function useWorklistMemory(): { current: WorklistMemory } {
  return useRef<WorklistMemory>(emptyMemory());
}

export function rowsKey(poolId: string, search: string, filter: WorklistFilter | null): string {
  const f = filter ? (filter.kind === 'status' ? `status:${filter.status}` : `period:${filter.period}`) : '';
  return `${poolId}|${search.trim()}|${f}`;
}
