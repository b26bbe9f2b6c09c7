// POST /api/customers/:id/contacts : link an unknown sender's address to a customer, so that the
// next email from it resolves by contact.
import type { FastifyPluginAsync } from 'fastify';
import { linkContact } from '../../../db/repositories/contacts';
import { findCustomer } from '../../../db/repositories/customers';
import { AppError, customerNotFound } from '../../errors';
import { contactJson } from '../../mappers/customers';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import { contactResponse, linkContactBody, type ContactResponse, type LinkContactRequest } from '../../schemas/customers';

const contacts: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: LinkContactRequest; Reply: ContactResponse }>(
    '/customers/:id/contacts',
    {
      schema: {
        tags: ['customers'],
        summary: "Link an email address to a customer as a contact (answers 409 if it's already linked)",
        params: customerIdParams,
        body: linkContactBody,
        response: { 201: contactResponse, ...errorResponses, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const email = request.body.email.trim().toLowerCase();
      const contact = await linkContact(app.db, {
        customerId: customer.id,
        email,
        name: request.body.name?.trim() || null,
        actor: request.agent.id,
      });
      if (!contact) {
        throw new AppError('contact_exists', 409, `'${email}' is already a contact of ${customer.name}.`, {
          customerId: customer.id,
          email,
        });
      }
      return reply.code(201).send(contactJson(contact));
    },
  );
};

export default contacts;
