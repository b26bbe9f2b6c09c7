// The activities API's JSON and the domain's activities, both ways: request bodies become commands
// (instants as Dates, promised amounts as bigint minor units), activities (with what their promise
// or dispute recorded) become the answer's JSON.
import type { ActivityChange, ActivityPromise, ActivityRecord, NewActivity } from '../../domain/activities';
import type { Activity, CreateActivityRequest, UpdateActivityRequest } from '../schemas/activities';

/** Undefined stays undefined (on an edit: unchanged); null and '' clear the instant. */
function instant(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value ? new Date(value) : null;
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function newActivity(body: CreateActivityRequest): NewActivity {
  const { promise, startAt, endAt, dueAt, followUpAt, ...rest } = body;
  return {
    ...rest,
    startAt: instant(startAt),
    endAt: instant(endAt),
    dueAt: instant(dueAt),
    followUpAt: instant(followUpAt),
    // The schema admits integers only, so BigInt() cannot throw here.
    ...(promise ? { promise: { date: promise.date, items: promise.items.map((item) => ({ ...item, amount: BigInt(item.amount) })) } } : {}),
  };
}

export function activityChange(body: UpdateActivityRequest): ActivityChange {
  const { startAt, endAt, dueAt, followUpAt, promise, ...rest } = body;
  return {
    ...rest,
    startAt: instant(startAt),
    endAt: instant(endAt),
    dueAt: instant(dueAt),
    followUpAt: instant(followUpAt),
    ...(promise ? { promise: { ...(promise.date ? { date: promise.date } : {}), ...(promise.amount === undefined ? {} : { amount: BigInt(promise.amount) }) } } : {}),
  };
}

/** A promise as JSON: amounts in minor units (bounded by open amounts, so safe integers), totalled per currency. */
function promiseJson(promise: ActivityPromise | null | undefined): Activity['promise'] {
  if (!promise) return null;
  const totals = new Map<string, bigint>();
  for (const item of promise.items) totals.set(item.currency, (totals.get(item.currency) ?? 0n) + item.amount);
  return {
    date: promise.date,
    totals: [...totals].map(([currency, amount]) => ({ amount: Number(amount), currency })),
    items: promise.items.map((i) => ({ ...i, amount: Number(i.amount) })),
  };
}

export function activityJson(activity: ActivityRecord): Activity {
  return {
    ...activity,
    promise: promiseJson(activity.promise),
    dispute: activity.dispute ?? null,
    startAt: iso(activity.startAt),
    endAt: iso(activity.endAt),
    dueAt: iso(activity.dueAt),
    followUpAt: iso(activity.followUpAt),
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
  };
}
