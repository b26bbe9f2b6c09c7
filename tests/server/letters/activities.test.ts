// A posted letter shows in the customer's Activities as the email activity it is, with the state of
// its mail in the activities' sync terms (queued but not connected to Outlook without Graph).
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import type { ActivityListResponse } from '../../../server/http/schemas/activities';
import type { CollectionLetterResponse } from '../../../server/http/schemas/letters';
import { letterSyncState } from '../../../server/letters/store/letter-activities';
import { openTestDatabase, testDatabases } from '../../support/db';
import { createCustomer } from './world';

let handle: DatabaseHandle | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  await handle?.close();
  app = undefined;
  handle = undefined;
});

describe.each(testDatabases)('letters in the Activities list ($name)', ({ name, skipReason }) => {
  it.skipIf(skipReason)('lists a letter sent from the server as an email, not connected to Outlook without Graph', async () => {
    handle = await openTestDatabase(name);
    await handle.db.insertInto('agents').values({ entra_oid: 'development-demo-agent', email: 'demo.agent@example.com', name: 'Demo Agent', role: 'agent' }).execute();
    const { id } = await createCustomer(handle.db, { account: 'C-7', invoices: [['INV-7', '2026-02-01', 123456n]] });
    app = await buildApp({ config: loadConfig({ ACCOUNTING_CURRENCY: 'USD' }), db: handle, logger: false, addinDir: '/nonexistent' });
    await app.ready();
    const posted = await app.inject({ method: 'POST', url: `/api/customers/${id}/letters`, payload: { delivery: 'graph', asOf: '2026-03-01', to: 'ap@example.com' } });
    expect(posted.statusCode).toBe(201);
    const letter = posted.json<CollectionLetterResponse>();

    const list = (await app.inject({ url: `/api/customers/${id}/activities` })).json<ActivityListResponse>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: letter.id,
      type: 'email',
      purpose: `Letter ${letter.number}: ${letter.levelName}`,
      contact: 'ap@example.com',
      status: 'completed',
      sync: { state: 'not_configured' },
    });
    expect(list.items[0]!.ledgerEntryIds).toHaveLength(letter.lines.length + (letter.feeEntryId ? 1 : 0));
  });
});

describe('where a letter’s mail stands', () => {
  it('is pending with Graph, not configured without it, and in Outlook once sent', () => {
    expect(letterSyncState('graph', 'posted', true)).toBe('pending');
    expect(letterSyncState('graph', 'posted', false)).toBe('not_configured');
    expect(letterSyncState('graph', 'sent', true)).toBe('synced');
    expect(letterSyncState('graph', 'failed', true)).toBe('failed');
    expect(letterSyncState('reply', 'posted', true)).toBe('not_configured');
  });
});
