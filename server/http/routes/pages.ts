// The built task pane (webpack's dist/addin) served at the site root, the browser preview (GET /
// goes to /preview, which is preview.html: the pane beside a simulated mailbox), and /workspace
// (workspace.html: the aged receivables report at full width).
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { apiErrorSchema } from '../schemas/common';

export interface PagesOptions {
  /** Absolute path of the built add-in (dist/addin). */
  root: string;
}

const pages: FastifyPluginAsync<PagesOptions> = async (app, { root }) => {
  const built = existsSync(root);
  if (built) await app.register(fastifyStatic, { root, prefix: '/', index: false });

  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/preview'));

  const page = (file: string) => (_request: FastifyRequest, reply: FastifyReply) => {
    if (built) return reply.type('text/html').sendFile(file);
    return reply.code(503).send({
      code: 'addin_not_built',
      message: `The add-in is not built (${root} is missing): run \`npm run build\`, then reload.`,
    });
  };

  app.get(
    '/preview',
    {
      schema: {
        tags: ['preview'],
        summary: 'The task pane beside a simulated mailbox, in a browser',
        response: { 503: apiErrorSchema },
      },
    },
    page('preview.html'),
  );

  app.get(
    '/workspace',
    {
      schema: {
        tags: ['reports'],
        summary: 'The aged receivables report at full width (a browser tab, or the Office dialog the pane opens)',
        response: { 503: apiErrorSchema },
      },
    },
    page('workspace.html'),
  );
};

export default pages;
