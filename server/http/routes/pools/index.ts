// Collection pools under /api/pools: the pools and default pools, and each pool's worklist and chart.
import type { FastifyPluginAsync } from 'fastify';
import manage from './manage';
import worklist from './worklist';

const pools: FastifyPluginAsync = async (app) => {
  await app.register(manage);
  await app.register(worklist);
};

export default pools;
