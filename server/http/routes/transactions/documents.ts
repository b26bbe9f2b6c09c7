// GET /api/transactions/:id/documents : the stored documents a transaction appears on, for
// Reprint from its row; each prints exactly as posted (the letter's or interest note's stored PDF and HTML).
import type { FastifyPluginAsync } from 'fastify';
import { interestNotesOfTransaction } from '../../../db/repositories/interest';
import { transactionDocuments } from '../../../db/repositories/transaction-documents';
import { documentsResponse, type DocumentsResponse } from '../../schemas/actions';
import { errorResponses } from '../../schemas/common';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

const documents: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Reply: DocumentsResponse }>(
    '/transactions/:id/documents',
    { schema: { tags: ['transactions'], summary: 'Stored documents (collection letters, interest notes) a transaction appears on, to reprint', params: idParams, response: { 200: documentsResponse, ...errorResponses } } },
    async (request) => ({
      items: [
        ...(await transactionDocuments(app.db, request.params.id)).map((d) => ({ ...d, pdfUrl: `/api/letters/${d.id}.pdf`, htmlUrl: `/api/letters/${d.id}.html` })),
        ...(await interestNotesOfTransaction(app.db, request.params.id)).map((d) => ({
          ...d, kind: 'interest_note' as const, pdfUrl: `/api/interest/notes/${d.id}.pdf`, htmlUrl: `/api/interest/notes/${d.id}.html`,
        })),
      ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    }),
  );
};

export default documents;
