// A customer's letter settings: GET and (managers) PUT /customers/:id/letter-settings (excluded from
// letters, its sequence, its postal address), and GET /letters/exclusions, the excluded customers.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { customerNotFound } from '../../../domain/errors';
import { updateLetterSettings } from '../../../letters/customer-settings';
import { excludedCustomers, readLetterSettings } from '../../../letters/store/customer-settings';
import { requireRole } from '../../roles';
import { customerIdParams } from '../../schemas/common';
import { letterErrors, letterSettingsBody, letterSettingsResponse, type LetterSettingsBody } from '../../schemas/letters';

const settings: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/letters/exclusions', { schema: { tags: ['letters'], summary: 'Customers excluded from letters' } }, async () => ({ items: await excludedCustomers(db) }));

  app.get<{ Params: { id: string } }>(
    '/customers/:id/letter-settings',
    { schema: { tags: ['letters'], summary: "A customer's letter exclusion, sequence and postal address", params: customerIdParams, response: { 200: letterSettingsResponse, ...letterErrors } } },
    async (request) => {
      const found = isUuid(request.params.id) ? await readLetterSettings(db, request.params.id) : null;
      if (!found) throw customerNotFound(request.params.id);
      return found;
    },
  );

  app.put<{ Params: { id: string }; Body: LetterSettingsBody }>(
    '/customers/:id/letter-settings',
    {
      schema: { tags: ['letters'], summary: 'Exclude a customer from letters, or set its sequence (managers)', params: customerIdParams, body: letterSettingsBody, response: { 200: letterSettingsResponse, ...letterErrors } },
      preHandler: requireRole('manager', "change customers' letter settings"),
    },
    async (request) => {
      const updated = isUuid(request.params.id) ? await updateLetterSettings(db, request.params.id, request.body, request.agent.id) : null;
      if (!updated) throw customerNotFound(request.params.id);
      return updated;
    },
  );
};

export default settings;
