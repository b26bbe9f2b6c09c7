// Mail queued in the outbox (collection letters) is sent from the agent's mailbox once, with a
// body Graph accepts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueueMail } from '../../../server/graph/outbox';
import { openGraphWorld, type GraphWorld } from './world';

let world: GraphWorld;
beforeAll(async () => {
  world = await openGraphWorld('pglite');
});
afterAll(async () => {
  await world?.close();
});

it('sends a queued mail once, also when the same letter is queued twice', async () => {
  const agent = await world.db.selectFrom('agents').select('id').executeTakeFirstOrThrow();
  const body = {
    message: {
      subject: 'Payment reminder L-1',
      body: { contentType: 'html', content: '<p>Dear customer</p>' },
      toRecipients: [{ emailAddress: { address: 'ap@contoso.example', name: 'Accounts payable' } }],
    },
    saveToSentItems: true,
  };
  await enqueueMail(world.db, agent.id, 'letter-L-1', body);
  await enqueueMail(world.db, agent.id, 'letter-L-1', body);
  world.graph.inject({ kind: 'throttle', retryAfterSeconds: 0 });
  await world.drain([world.worker()]);
  expect(world.graph.store.mails).toEqual([body]);
  expect(world.graph.violations).toEqual([]);
});
