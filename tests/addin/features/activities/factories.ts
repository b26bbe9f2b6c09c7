// Activities as the server answers them, for the pane's component tests.
import type { Activity } from '../../../../server/http/schemas/activities';

export function activity(over: Partial<Activity> = {}): Activity {
  return {
    id: 'a1', customerId: '1', type: 'call', purpose: 'Collection call', outcome: null, notes: null, contact: null,
    durationMinutes: null, startAt: '2025-06-30T09:00:00.000Z', endAt: null, dueAt: null, followUpAt: null, status: 'open',
    ownerAgentId: 'agent', ledgerEntryIds: [], createdAt: '2025-06-30T09:00:00.000Z', updatedAt: '2025-06-30T09:00:00.000Z',
    sync: { state: 'not_configured' }, history: [], ...over,
  };
}
