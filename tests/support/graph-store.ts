// The mailbox state behind the Graph test server: events, To Do lists and tasks, sent mail, and a
// change sequence from which delta queries answer. Tests also act "in Outlook" through it.
import { randomUUID } from 'node:crypto';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

type Item = Record<string, unknown> & { id: string };
interface Tracked {
  item: Item;
  seq: number;
  deleted: boolean;
  listId?: string;
}

const notFound: Answer = { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'Not found' } } };

export class GraphStore {
  readonly events = new Map<string, Tracked>();
  readonly tasks = new Map<string, Tracked>();
  readonly lists = new Map<string, Item>();
  readonly mails: unknown[] = [];
  private seq = 0;

  constructor(private readonly baseUrl: string) {}

  /** Live (not deleted) events and tasks, and mails sent. */
  counts(): { events: number; tasks: number; mails: number; lists: number } {
    const live = (m: Map<string, Tracked>) => [...m.values()].filter((t) => !t.deleted).length;
    return { events: live(this.events), tasks: live(this.tasks), mails: this.mails.length, lists: this.lists.size };
  }

  liveTasks(): Item[] {
    return [...this.tasks.values()].filter((t) => !t.deleted).map((t) => t.item);
  }

  liveEvents(): Item[] {
    return [...this.events.values()].filter((t) => !t.deleted).map((t) => t.item);
  }

  /** What a user does in To Do or Outlook: each is a change the next delta query reports. */
  completeTask(id: string): void {
    this.change(this.tasks, id, { status: 'completed', completedDateTime: { dateTime: now().replace('Z', ''), timeZone: 'UTC' } });
  }
  updateTask(id: string, patch: Record<string, unknown>): void {
    this.change(this.tasks, id, patch);
  }
  updateEvent(id: string, patch: Record<string, unknown>): void {
    this.change(this.events, id, patch);
  }
  deleteEvent(id: string): void {
    const tracked = this.events.get(id);
    if (tracked) Object.assign(tracked, { deleted: true, seq: ++this.seq });
  }

  route(method: string, path: string, query: URLSearchParams, body: unknown): Answer {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'me') return notFound;
    const [, a, b, c, d, e, f] = parts;
    if (a === 'sendMail' && method === 'POST') {
      this.mails.push(body);
      return { status: 202 };
    }
    if (a === 'events') return this.eventsRoute(method, b, body);
    if (a === 'calendarView' && b === 'delta' && method === 'GET') return this.delta(this.events, query, '/me/calendarView/delta');
    if (a !== 'todo' || b !== 'lists') return notFound;
    if (c === undefined) {
      if (method === 'GET') return { status: 200, body: { value: [...this.lists.values()] } };
      if (method !== 'POST') return notFound;
      const list = { id: randomUUID(), isOwner: true, isShared: false, wellknownListName: 'none', ...(body as object) };
      this.lists.set(list.id, list);
      return { status: 201, body: list };
    }
    if (!this.lists.has(c) || d !== 'tasks') return notFound;
    if (e === 'delta' && method === 'GET') return this.delta(this.tasks, query, `/me/todo/lists/${c}/tasks/delta`, c);
    if (e === undefined) return this.tasksRoute(method, c, query, body);
    const task = this.tasks.get(e);
    if (!task || task.deleted || task.listId !== c) return notFound;
    if (f === 'linkedResources' && method === 'POST') {
      const resource = { id: randomUUID(), ...(body as object) };
      (task.item.linkedResources as unknown[]).push(resource);
      task.seq = ++this.seq;
      return { status: 201, body: resource };
    }
    return this.itemRoute(this.tasks, method, e, body);
  }

  private eventsRoute(method: string, id: string | undefined, body: unknown): Answer {
    if (id === undefined && method === 'GET') return { status: 200, body: { value: this.liveEvents() } };
    if (id !== undefined) return this.itemRoute(this.events, method, id, body);
    if (method !== 'POST') return notFound;
    const transactionId = (body as { transactionId?: string }).transactionId;
    // Graph: a repeated transactionId returns the event the first request created.
    const existing = transactionId ? [...this.events.values()].find((t) => t.item.transactionId === transactionId) : undefined;
    if (existing) return { status: 201, body: existing.item };
    return { status: 201, body: this.insert(this.events, body) };
  }

  private tasksRoute(method: string, listId: string, query: URLSearchParams, body: unknown): Answer {
    const inList = [...this.tasks.values()].filter((t) => !t.deleted && t.listId === listId).map((t) => t.item);
    if (method === 'GET') {
      const wanted = /externalId eq '([^']*)'/.exec(query.get('$filter') ?? '')?.[1];
      const value = wanted === undefined ? inList : inList.filter((t) => (t.linkedResources as Item[]).some((r) => r.externalId === wanted));
      return { status: 200, body: { value } };
    }
    if (method !== 'POST') return notFound;
    const { linkedResources = [], ...rest } = body as { linkedResources?: object[] };
    const item = this.insert(this.tasks, { status: 'notStarted', ...rest, linkedResources: linkedResources.map((r) => ({ id: randomUUID(), ...r })) }, listId);
    return { status: 201, body: item };
  }

  private itemRoute(map: Map<string, Tracked>, method: string, id: string, body: unknown): Answer {
    const tracked = map.get(id);
    if (!tracked || tracked.deleted) return notFound;
    if (method === 'GET') return { status: 200, body: tracked.item };
    if (method === 'PATCH') return { status: 200, body: this.change(map, id, body as Record<string, unknown>) };
    if (method === 'DELETE') {
      Object.assign(tracked, { deleted: true, seq: ++this.seq });
      return { status: 204 };
    }
    return notFound;
  }

  private insert(map: Map<string, Tracked>, fields: unknown, listId?: string): Item {
    const stamp = now();
    const item: Item = { ...(fields as object), id: randomUUID(), createdDateTime: stamp, lastModifiedDateTime: stamp };
    map.set(item.id, { item, seq: ++this.seq, deleted: false, ...(listId ? { listId } : {}) });
    return item;
  }

  private change(map: Map<string, Tracked>, id: string, patch: Record<string, unknown>): Item {
    const tracked = map.get(id)!;
    Object.assign(tracked.item, patch, { lastModifiedDateTime: now() });
    tracked.seq = ++this.seq;
    return tracked.item;
  }

  /** Changes after the delta token (everything on the first call), then a delta link. */
  private delta(map: Map<string, Tracked>, query: URLSearchParams, path: string, listId?: string): Answer {
    const since = Number(query.get('$deltatoken') ?? '0');
    const value = [...map.values()]
      .filter((t) => t.seq > since && (listId === undefined || t.listId === listId) && !(since === 0 && t.deleted))
      .map((t) => (t.deleted ? { id: t.item.id, '@removed': { reason: 'deleted' } } : t.item));
    return { status: 200, body: { value, '@odata.deltaLink': `${this.baseUrl}${path}?$deltatoken=${this.seq}` } };
  }
}

function now(): string {
  return new Date().toISOString();
}
