// Rate limiting, opt-in per route (global: false): used on the 404 handler so that probing for
// URLs is slowed down, as in fastify/demo.
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(rateLimit, { global: false });
  },
  { name: 'rate-limit' },
);
