// The worklist's rows a page at a time: the first page whenever the pool, search or filter changes,
// the next (by the server's cursor) when the list asks for more. Rows already loaded for the same
// key (kept in the memory) are reused, so coming back from a customer costs no request.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../api/client';
import type { PoolsClient, WorklistFilter } from './client';
import { rowsKey, type LoadedRows, type WorklistMemory } from './memory';

export const PAGE_SIZE = 50;

export type RowsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; rows: LoadedRows; loadingMore: boolean; moreError: unknown };

export function useWorklistRows(client: PoolsClient, memory: WorklistMemory, poolId: string, search: string, filter: WorklistFilter | null) {
  const key = rowsKey(poolId, search, filter);
  const kept = memory.rows?.key === key ? memory.rows : null;
  const [state, setState] = useState<RowsState>(kept ? { status: 'ready', rows: kept, loadingMore: false, moreError: null } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const more = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    if (memory.rows?.key === key) {
      const rows = memory.rows;
      setState((s) => (s.status === 'ready' && s.rows === rows ? s : { status: 'ready', rows, loadingMore: false, moreError: null }));
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    client.customers(poolId, { search, filter, limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        const rows: LoadedRows = { key, items: page.items, nextCursor: page.nextCursor, total: page.total, currency: page.currency };
        memory.rows = rows;
        // Another pool, filter or search starts at the top.
        memory.scrollOffset = 0;
        setState({ status: 'ready', rows, loadingMore: false, moreError: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
      more.current?.abort();
    };
    // The pool, search and filter are all in the key.
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.status !== 'ready' || s.loadingMore || !s.rows.nextCursor) return;
    const controller = new AbortController();
    more.current = controller;
    const { rows } = s;
    setState({ ...s, loadingMore: true, moreError: null });
    client.customers(poolId, { search, filter, limit: PAGE_SIZE, cursor: rows.nextCursor }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        // The cursor walks a snapshot, so no customer comes twice; a guard all the same, as ids key the rows.
        const seen = new Set(rows.items.map((i) => i.customer.id));
        const next: LoadedRows = {
          ...rows,
          items: [...rows.items, ...page.items.filter((i) => !seen.has(i.customer.id))],
          nextCursor: page.nextCursor,
          total: page.total,
        };
        memory.rows = next;
        setState({ status: 'ready', rows: next, loadingMore: false, moreError: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) setState({ status: 'ready', rows, loadingMore: false, moreError: error });
      },
    );
  }, [client, poolId, search, filter, memory]);

  const retry = useCallback(() => {
    memory.rows = null;
    setAttempt((n) => n + 1);
  }, [memory]);

  return { state, loadMore, retry };
}
