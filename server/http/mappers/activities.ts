// The activities API's JSON and the domain's activities, both ways: request bodies become commands
// (instants as Dates, promised amounts as bigint minor units), activities become the answer's JSON.
import type { ActivityChange, ActivityRecord, NewActivity } from '../../domain/activities';
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
  const { startAt, endAt, dueAt, followUpAt, ...rest } = body;
  return { ...rest, startAt: instant(startAt), endAt: instant(endAt), dueAt: instant(dueAt), followUpAt: instant(followUpAt) };
}

export function activityJson(activity: ActivityRecord): Activity {
  return {
    ...activity,
    startAt: iso(activity.startAt),
    endAt: iso(activity.endAt),
    dueAt: iso(activity.dueAt),
    followUpAt: iso(activity.followUpAt),
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
  };
}
