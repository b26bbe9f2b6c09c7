// Who may do what with pools: managers create, change and delete them; an agent reads them, reads
// any pool's worklist and chart, and sets their own default, but gets a 403 for managing pools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolsResponse } from '../../../server/http/schemas/pools';
import { openDevApp, type DevApp } from '../security/world';

describe('pool roles', () => {
  let agent: DevApp;
  let poolId = '';

  beforeAll(async () => {
    agent = await openDevApp('agent');
    const { id } = await agent.handle.db.insertInto('pools').values({ name: 'North', criteria: JSON.stringify({ salesArea: ['North'] }), created_by: null }).returning('id').executeTakeFirstOrThrow();
    poolId = id;
  }, 60_000);
  afterAll(async () => agent?.close());

  it('refuses an agent creating, changing or deleting a pool with a 403, changing nothing', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/pools', { name: 'Mine', criteria: {} }],
      ['PATCH', `/api/pools/${poolId}`, { name: 'Renamed', version: 1 }],
      ['DELETE', `/api/pools/${poolId}`, undefined],
    ] as const) {
      const res = await agent.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect({ method, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ method, status: 403, code: 'forbidden' });
    }
    const pools = (await agent.app.inject({ url: '/api/pools' })).json<PoolsResponse>();
    expect(pools.items.map((p) => p.name)).toEqual(['All customers', 'North']);
  });

  it('lets an agent read pools, worklists and charts, and set their own default', async () => {
    expect((await agent.app.inject({ url: `/api/pools/${poolId}/customers` })).statusCode).toBe(200);
    expect((await agent.app.inject({ url: `/api/pools/${poolId}/chart` })).statusCode).toBe(200);
    expect((await agent.app.inject({ method: 'POST', url: '/api/pools/preview', payload: { criteria: { onHold: true } } })).statusCode).toBe(200);
    const set = await agent.app.inject({ method: 'PUT', url: '/api/pools/default', payload: { poolId } });
    expect(set.json()).toEqual({ defaultPoolId: poolId });
    expect((await agent.app.inject({ url: '/api/pools' })).json<PoolsResponse>().defaultPoolId).toBe(poolId);
  });
});
