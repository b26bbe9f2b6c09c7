// POST /api/customers/:id/drafts : the actions an email from the customer asks for, read from its
// words against the customer's own transactions. Nothing is saved: the agent confirms in the pane.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { loadLedger } from '../../../db/repositories/ledger';
import { propose } from '../../../domain/drafts/propose';
import { listTransactions } from '../../../domain/transactions';
import { customerNotFound } from '../../errors';
import { draftsJson } from '../../mappers/drafts';
import { today } from '../../params';
import { customerIdParams, errorResponses } from '../../schemas/common';
import { draftsBody, draftsResponse, MAX_BODY_CHARS, type DraftsRequest, type DraftsResponse } from '../../schemas/drafts';

/** The largest accepted JSON: the body at its limit, every character escaped (\uXXXX), and the rest. */
const BODY_LIMIT = MAX_BODY_CHARS * 6 + 16_384;
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);

const drafts: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: DraftsRequest; Reply: DraftsResponse }>(
    '/customers/:id/drafts',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['customers'],
        summary: 'Propose the promise, dispute, payment claim, copy request or contact change an email asks for',
        params: customerIdParams,
        body: draftsBody,
        response: { 200: draftsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { config, db } = app;
      const customer = await findCustomer(db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const asOf = today(config.companyTimeZone);
      // Every transaction, settled ones too: a copy may be asked of a paid invoice.
      const { entries, settlements } = await loadLedger(db, customer.id, asOf);
      const list = listTransactions(entries, settlements, asOf, 'all', config.accountingCurrency);
      const transactions = list.items.map((t) => ({
        id: t.entry.id,
        kind: t.entry.kind,
        document: t.entry.document,
        currency: t.entry.currency,
        open: t.open,
        dueDate: t.entry.dueDate,
        daysOverdue: t.daysOverdue,
      }));
      const { subject, body, receivedAt, from } = request.body;
      const email = { subject, body, receivedAt: new Date(receivedAt), from: from ?? '' };
      return draftsJson(propose(email, transactions, config.companyTimeZone, DOLLARS.has(customer.currency) ? customer.currency : 'USD'));
    },
  );
};

export default drafts;
