// Changing the collection status of selected open transactions: promise to pay (date and amount per
// transaction), disputed (a reason code), resolved, or cleared back to none. Pure checks of the
// command's shape, of the versions the agent saw and of the transition.
import { conflict, invalidField, unprocessable } from '../errors';
import type { PromiseToPay } from '../activities';
import type { CollectionStatus, IsoDate } from '../types';

/** The statuses an agent sets; 'none' clears the status. 'promise_broken' is only set by the job. */
export const STATUS_CHANGES = ['promise_to_pay', 'disputed', 'resolved', 'none'] as const;
export type StatusChangeKind = (typeof STATUS_CHANGES)[number];

export interface StatusChange {
  transactionIds: string[];
  /** The version of each transaction as the agent loaded it, by id. */
  versions: Record<string, number>;
  status: StatusChangeKind;
  promise?: PromiseToPay;
  dispute?: { reasonCode: string };
  note: string | null;
}

/** What an action checks and shows of a transaction as it stands now. */
export interface TransactionState {
  id: string;
  document: string;
  version: number;
  /** Signed, in the transaction's currency, today. */
  open: bigint;
  collectionStatus: CollectionStatus;
  statusDate: IsoDate | null;
  statusSetBy: string | null;
  promiseDate: IsoDate | null;
  promiseAmount: bigint | null;
  disputeReason: string | null;
}

/** The command is whole: a version per transaction, the promise or dispute its status needs, nothing else. */
export function checkStatusChange(change: StatusChange): void {
  const ids = change.transactionIds;
  if (new Set(ids).size !== ids.length) throw invalidField('transactionIds', 'names a transaction twice');
  const missing = ids.find((id) => change.versions[id] === undefined);
  if (missing !== undefined) throw invalidField('versions', `has no version for transaction ${missing}`);
  if (change.status === 'promise_to_pay') {
    if (!change.promise) throw invalidField('promise', "is required when status is 'promise_to_pay'");
    const promised = change.promise.items.map((i) => i.transactionId);
    if (promised.length !== ids.length || !promised.every((id) => ids.includes(id))) {
      throw invalidField('promise.items', 'must have one item for each transaction of transactionIds');
    }
  } else if (change.promise) {
    throw invalidField('promise', "is only for status 'promise_to_pay'");
  }
  if (change.status === 'disputed' && !change.dispute) throw invalidField('dispute', "is required when status is 'disputed'");
  if (change.status !== 'disputed' && change.dispute) throw invalidField('dispute', "is only for status 'disputed'");
}

/** The current state as the 409 shows it (minor units as JSON numbers). */
export function stateDetails(state: TransactionState) {
  return {
    ...state,
    open: Number(state.open),
    promiseAmount: state.promiseAmount === null ? null : Number(state.promiseAmount),
  };
}

/** Every transaction is still at the version the agent saw; else a 409 with the current state. */
export function checkVersions(ids: readonly string[], versions: Record<string, number>, current: ReadonlyMap<string, TransactionState>): void {
  const stale = ids.map((id) => current.get(id)!).filter((state) => state.version !== versions[state.id]);
  if (stale.length === 0) return;
  const named = stale.map((s) => `${s.document} (now version ${s.version}, not ${versions[s.id]})`).join(', ');
  throw conflict('stale_version', `Field 'versions': ${named} changed since it was loaded; reload and try again.`, {
    field: 'versions',
    current: stale.map(stateDetails),
  });
}

/** Only a disputed transaction is resolved. */
export function checkTransition(status: StatusChangeKind, state: TransactionState): void {
  if (status === 'resolved' && state.collectionStatus !== 'disputed') {
    throw unprocessable('invalid_transition', `Field 'status': ${state.document} is not in dispute, so it cannot be resolved.`, {
      field: 'status',
      id: state.id,
    });
  }
}
