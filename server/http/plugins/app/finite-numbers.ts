// Refuses infinite numbers in validated input. Ajv coerces '1e999' (and JSON's 1e999) to Infinity
// and then skips minimum/maximum, whose checks only look at finite numbers; the database would fail.
import fp from 'fastify-plugin';
import { AppError } from '../../errors';

const PLACE = { query: 'Query parameter', params: 'Path parameter', body: 'Field' } as const;

function infinitePath(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = infinitePath(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

export default fp(
  async (app) => {
    app.addHook('preHandler', async (request) => {
      for (const part of ['query', 'params', 'body'] as const) {
        const field = infinitePath(request[part], '', 0);
        if (field !== null) {
          throw new AppError('invalid_request', 400, `${PLACE[part]} '${field}' must be a finite number.`, {
            in: part === 'query' ? 'querystring' : part,
            fields: [{ field, problem: 'must be a finite number' }],
          });
        }
      }
    });
  },
  { name: 'finite-numbers' },
);
