// Pool criteria on hand-built customers, on both databases: each criterion alone selects exactly the
// customers it describes, combined they AND, a list ORs; hostile values are refused with a 400 naming
// the field or bound as plain values (a quote or an SQL fragment selects nobody and breaks nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolCriteriaJson, PoolPreviewResponse, WorklistResponse } from '../../../server/http/schemas/pools';
import { testDatabases } from '../../support/db';
import { openPoolsWorld, type PoolsWorld } from './world';

describe.each(testDatabases)('pool criteria on $name', ({ name, skipReason }) => {
  let w: PoolsWorld;
  const ids: Record<string, string> = {};
  let agentA = '';
  let agentB = '';

  beforeAll(async () => {
    if (skipReason) return;
    w = await openPoolsWorld(name);
    agentA = await w.agent('agent', 'a@example.com');
    agentB = await w.agent('agent', 'b@example.com');
    ids.A = await w.customer({ account: 'A', group: 'Retail', area: 'North', terms: 'N30', currency: 'USD', agentId: agentA, rating: 'A', creditLimit: 100_00n });
    ids.B = await w.customer({ account: 'B', group: 'Wholesale', area: 'South', terms: 'N60', currency: 'EUR', agentId: agentB, rating: 'B', status: 'on_hold' });
    ids.C = await w.customer({ account: 'C', group: 'Retail', area: 'South', terms: 'N30', currency: 'USD', agentId: agentA, rating: 'C', status: 'blocked' });
    ids.D = await w.customer({ account: "D'Artagnan", name: "O'Brien; DROP TABLE customers; --", group: null, area: 'North' });
    // A: 500 overdue 45 days, 200 not yet due; contacted 3 days ago.
    await w.debit(ids.A, 500_00n, { overdueDays: 45 });
    await w.debit(ids.A, 200_00n, { overdueDays: -10 });
    await w.activity(ids.A, 3);
    // B: 1,000 overdue 100 days in dispute; on hold; contacted 40 days ago.
    await w.debit(ids.B, 1_000_00n, { overdueDays: 100, status: 'disputed' });
    await w.hold(ids.B);
    await w.activity(ids.B, 40);
    // C: 300 overdue 5 days with a broken promise, 50 credit; never contacted.
    await w.debit(ids.C, 300_00n, { overdueDays: 5, status: 'promise_broken' });
    await w.credit(ids.C, 50_00n);
    // D: nothing open.
  }, 120_000);
  afterAll(async () => w?.close());

  const accountsOf = async (criteria: PoolCriteriaJson) => {
    const preview = await w.call('POST', '/api/pools/preview', { criteria });
    expect(preview.statusCode, preview.body).toBe(200);
    const created = await w.call('POST', '/api/pools', { name: `P ${Math.random()}`, criteria });
    expect(created.statusCode, created.body).toBe(201);
    const list = await w.call('GET', `/api/pools/${created.json<{ id: string }>().id}/customers?limit=200`);
    expect(list.statusCode, list.body).toBe(200);
    const accounts = list.json<WorklistResponse>().items.map((i) => i.customer.account).sort();
    expect(preview.json<PoolPreviewResponse>().customers).toBe(accounts.length);
    return accounts;
  };

  const cases: Array<[string, PoolCriteriaJson, string[]]> = [
    ['no criteria', {}, ['A', 'B', 'C', "D'Artagnan"]],
    ['customerGroup', { customerGroup: ['Retail'] }, ['A', 'C']],
    ['salesArea (a list ORs)', { salesArea: ['North', 'Nowhere'] }, ['A', "D'Artagnan"]],
    ['paymentTerms', { paymentTerms: ['N60'] }, ['B']],
    ['currency', { currency: ['EUR'] }, ['B']],
    ['creditRating', { creditRating: ['A', 'C'] }, ['A', 'C']],
    ['accountStatus', { accountStatus: ['on_hold', 'blocked'] }, ['B', 'C']],
    ['balance min', { balance: { min: 600_00 } }, ['A', 'B']],
    ['balance max', { balance: { max: 0 } }, ["D'Artagnan"]],
    ['overdue range', { overdue: { min: 300_00, max: 500_00 } }, ['A', 'C']],
    ['oldestOverdueDays min', { oldestOverdueDays: { min: 30 } }, ['A', 'B']],
    ['oldestOverdueDays max (nothing overdue counts as 0)', { oldestOverdueDays: { max: 10 } }, ['C', "D'Artagnan"]],
    ['collectionStatus', { collectionStatus: ['disputed', 'promise_broken'] }, ['B', 'C']],
    ['collectionStatus none', { collectionStatus: ['none'] }, ['A', 'C']],
    ['daysSinceLastActivity min (never counts)', { daysSinceLastActivity: { min: 30 } }, ['B', 'C', "D'Artagnan"]],
    ['daysSinceLastActivity max', { daysSinceLastActivity: { max: 7 } }, ['A']],
    ['onHold true', { onHold: true }, ['B']],
    ['onHold false', { onHold: false }, ['A', 'C', "D'Artagnan"]],
    ['combined (AND)', { customerGroup: ['Retail'], overdue: { min: 400_00 } }, ['A']],
    ['a quote is a plain value', { salesArea: ["North' OR '1'='1"] }, []],
    ['an SQL fragment is a plain value', { creditRating: ["A'); DELETE FROM customers; --"] }, []],
  ];

  it.skipIf(skipReason).each(cases)('selects by %s', async (_title, criteria, expected) => {
    expect(await accountsOf(criteria)).toEqual(expected);
  });

  it.skipIf(skipReason)('selects by agentId, and still has every customer after the hostile values', async () => {
    expect(await accountsOf({ agentId: [agentB] })).toEqual(['B']);
    expect(await accountsOf({})).toEqual(['A', 'B', 'C', "D'Artagnan"]);
  });

  const refused: Array<[string, unknown, string]> = [
    ['an unknown key', { region: ['North'] }, 'criteria.region'],
    ['a string for a list', { salesArea: 'North' }, 'criteria.salesArea'],
    ['a number string for a bound', { balance: { min: '5' } }, 'criteria.balance.min'],
    ['a fraction of a minor unit', { overdue: { max: 1.5 } }, 'criteria.overdue.max'],
    ['min above max', { overdue: { min: 10, max: 5 } }, 'criteria.overdue'],
    ['an unknown bound', { balance: { min: 1, from: 2 } }, 'criteria.balance.from'],
    ['a huge list', { customerGroup: Array.from({ length: 201 }, (_, i) => `G${i}`) }, 'criteria.customerGroup'],
    ['an empty list', { salesArea: [] }, 'criteria.salesArea'],
    ['a non-string value', { salesArea: [{ $ne: null }] }, 'criteria.salesArea.0'],
    ['an unknown status', { collectionStatus: ['paid'] }, 'criteria.collectionStatus.0'],
    ['a malformed agent id', { agentId: ["1' OR 1=1"] }, 'criteria.agentId.0'],
    ['a string for onHold', { onHold: 'true' }, 'criteria.onHold'],
    ['a negative day count', { oldestOverdueDays: { min: -1 } }, 'criteria.oldestOverdueDays.min'],
    ['a NUL character', { salesArea: ['North\u0000'] }, 'criteria.salesArea.0'],
    ['an array for criteria', ['salesArea'], 'criteria'],
  ];

  it.skipIf(skipReason).each(refused)('refuses %s with a 400 naming the field, saving nothing', async (_title, criteria, field) => {
    const before = (await w.call('GET', '/api/pools')).json<{ items: unknown[] }>().items.length;
    for (const [method, url, body] of [
      ['POST', '/api/pools', { name: 'Refused', criteria }],
      ['POST', '/api/pools/preview', { criteria }],
    ] as const) {
      const res = await w.call(method, url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request', details: { field } });
      expect(res.json<{ message: string }>().message).toContain(field);
    }
    expect((await w.call('GET', '/api/pools')).json<{ items: unknown[] }>().items.length).toBe(before);
  });
});
