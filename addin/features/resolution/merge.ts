// Merges the lookups of several addresses (compose: every recipient) into one list of customers,
// each once, a contact match ahead of a domain match.
import type { LookupMatch } from '../../../server/http/schemas/customers';

export interface CustomerMatch extends LookupMatch {
  /** The address that matched it. */
  address: string;
}

export function mergeMatches(lookups: { address: string; matches: LookupMatch[] }[]): CustomerMatch[] {
  const byId = new Map<string, CustomerMatch>();
  for (const { address, matches } of lookups) {
    for (const m of matches) {
      const known = byId.get(m.id);
      if (!known || (known.matchedBy === 'domain' && m.matchedBy === 'contact')) byId.set(m.id, { ...m, address });
    }
  }
  const all = [...byId.values()];
  // Stable: within each kind the server's ranking and the recipients' order are kept.
  return [...all.filter((m) => m.matchedBy === 'contact'), ...all.filter((m) => m.matchedBy === 'domain')];
}
