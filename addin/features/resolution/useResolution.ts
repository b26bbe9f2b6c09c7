// Resolves the selected email to a customer: reads the item, looks up each counterpart and merges
// the answers. A newer item aborts the older lookups, and an item token drops any late answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailAddress, MailHost, MailItemSnapshot } from '../../office/host';
import { isAbortError, type ApiClient } from '../../api/client';
import { mergeMatches, type CustomerMatch } from './merge';

export type Resolution =
  /** The item changed and its resolution has not started yet (one render). */
  | { kind: 'pending' }
  | { kind: 'no-item' }
  | { kind: 'no-counterparts'; item: MailItemSnapshot }
  | { kind: 'loading'; item: MailItemSnapshot; addresses: MailAddress[] }
  | { kind: 'error'; item: MailItemSnapshot; addresses: MailAddress[]; error: unknown }
  | { kind: 'resolved'; item: MailItemSnapshot; addresses: MailAddress[]; matches: CustomerMatch[] };

function uniqueAddresses(list: MailAddress[]): MailAddress[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = a.emailAddress.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `itemVersion` changes whenever the host reports a new item. */
export function useResolution(host: MailHost, api: ApiClient, itemVersion: number) {
  const [state, setState] = useState<{ version: number; resolution: Resolution }>({ version: -1, resolution: { kind: 'pending' } });
  const [attempt, setAttempt] = useState(0);
  const token = useRef(0);

  useEffect(() => {
    const mine = ++token.current;
    const setResolution = (resolution: Resolution) => setState({ version: itemVersion, resolution });
    const item = host.currentItem();
    if (!item) {
      setResolution({ kind: 'no-item' });
      return;
    }
    const addresses = uniqueAddresses(item.counterparts);
    if (addresses.length === 0) {
      setResolution({ kind: 'no-counterparts', item });
      return;
    }
    const controller = new AbortController();
    const current = () => mine === token.current && !controller.signal.aborted;
    setResolution({ kind: 'loading', item, addresses });
    Promise.all(
      addresses.map(async (a) => ({ address: a.emailAddress, matches: (await api.lookup(a.emailAddress, controller.signal)).matches })),
    ).then(
      (lookups) => {
        if (current()) setResolution({ kind: 'resolved', item, addresses, matches: mergeMatches(lookups) });
      },
      (error: unknown) => {
        if (current() && !isAbortError(error)) setResolution({ kind: 'error', item, addresses, error });
      },
    );
    return () => controller.abort();
  }, [host, api, itemVersion, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Until the effect has run for a new item, the previous item's answer must not be rendered.
  const resolution: Resolution = state.version === itemVersion ? state.resolution : { kind: 'pending' };
  return { resolution, retry };
}
