// The letter API under /api, one file per branch of the URL tree: proposals, posting and the posted
// letter, batch runs, sequences, customers' letter settings, the draft preview and signed PDF links.
// (The signed link itself is served outside /api: links.ts's default export, registered by app.ts.)
import type { FastifyPluginAsync } from 'fastify';
import batches from './batches';
import { pdfLinkRoutes } from './links';
import posting from './posting';
import preview from './preview';
import proposals from './proposals';
import sequences from './sequences';
import settings from './settings';
import type { LetterRoutesOptions } from './shared';

const letters: FastifyPluginAsync<LetterRoutesOptions> = async (app, opts) => {
  // Only this one: the options Fastify hands a plugin also carry the prefix, which must not apply twice.
  const options: LetterRoutesOptions = { onQueued: opts.onQueued };
  await app.register(preview);
  await app.register(pdfLinkRoutes);
  await app.register(proposals);
  await app.register(posting, options);
  await app.register(batches, options);
  await app.register(sequences);
  await app.register(settings);
};

export default letters;
