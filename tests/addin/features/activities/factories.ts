// Activities as the server answers them, for the pane's component tests.
import type { Activity, UpdateActivityRequest } from '../../../../server/http/schemas/activities';

export function activity(over: Partial<Activity> = {}): Activity {
  return {
    id: 'a1', customerId: '1', type: 'call', purpose: 'Collection call', outcome: null, notes: null, contact: null,
    durationMinutes: null, startAt: '2025-06-30T09:00:00.000Z', endAt: null, dueAt: null, followUpAt: null, status: 'open',
    ownerAgentId: 'agent', ledgerEntryIds: [], createdAt: '2025-06-30T09:00:00.000Z', updatedAt: '2025-06-30T09:00:00.000Z',
    sync: { state: 'not_configured' }, history: [], promise: null, dispute: null, ...over,
  };
}

/** The activity an edit answers with: its plain fields as the request set them (a promise or dispute correction is the test's to answer). */
export function edited(id: string, body: UpdateActivityRequest, over: Partial<Activity> = {}): Activity {
  const { promise, dispute, ...fields } = body;
  void promise;
  void dispute;
  return activity({ id, ...fields, ...over });
}
