// What the pool routes share: the strict check of criteria in a request body, before the schema's
// validation could coerce a wrong type ("5" into 5, "North" into ["North"]) or drop an unknown key.
import type { FastifyRequest } from 'fastify';
import { parseCriteria } from '../../../domain/pools/criteria';

/** preValidation: the body's criteria (if any) must pass the domain's check as sent. */
export async function strictCriteria(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('criteria' in body)) return;
  parseCriteria((body as { criteria: unknown }).criteria);
}
