// The built task pane (webpack's dist/addin) served at the site root, and the browser preview:
// GET / goes to /preview, which is preview.html (the pane beside a simulated mailbox).
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { apiErrorSchema } from '../schemas/common';

export interface PagesOptions {
  /** Absolute path of the built add-in (dist/addin). */
  root: string;
}

const pages: FastifyPluginAsync<PagesOptions> = async (app, { root }) => {
  const built = existsSync(root);
  if (built) await app.register(fastifyStatic, { root, prefix: '/', index: false });

  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/preview'));

  app.get(
    '/preview',
    {
      schema: {
        tags: ['preview'],
        summary: 'The task pane beside a simulated mailbox, in a browser',
        response: { 503: apiErrorSchema },
      },
    },
    (_request, reply) => {
      if (built) return reply.type('text/html').sendFile('preview.html');
      return reply.code(503).send({
        code: 'addin_not_built',
        message: `The add-in is not built (${root} is missing): run \`npm run build\`, then reload.`,
      });
    },
  );
};

export default pages;
