// Which of several matches opens by itself: the only match, the one customer the sender is a
// contact of, or the customer the agent chose for this sender before (remembered in this browser).

import type { CustomerMatch } from './merge';

const KEY = 'collections.customerFor.';

/** The customer this pane opens without asking, or null when the agent must choose. */
export function preferredMatch(matches: readonly CustomerMatch[], remembered: string | null): CustomerMatch | null {
  if (matches.length === 1) return matches[0]!;
  // One address (a received email's sender): its contact match wins. Several recipients of a draft
  // may be several customers' contacts, so their matches are for the agent to choose.
  const oneAddress = matches.every((m) => m.address === matches[0]!.address);
  const contacts = matches.filter((m) => m.matchedBy === 'contact');
  if (oneAddress && contacts.length === 1) return contacts[0]!;
  return matches.find((m) => m.id === remembered) ?? null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage refused (a locked-down profile): nothing is remembered, the picker asks each time.
    return null;
  }
}

/** The customer the agent chose for this sender, if any. */
export function recallChoice(address: string): string | null {
  try {
    return storage()?.getItem(KEY + address.trim().toLowerCase()) ?? null;
  } catch {
    return null;
  }
}

export function rememberChoice(address: string, customerId: string): void {
  try {
    storage()?.setItem(KEY + address.trim().toLowerCase(), customerId);
  } catch {
    // Full or refused: the choice holds for this item only.
  }
}
