// /api/interest : interest codes, proposals as of a date, and the posted interest notes.
import type { FastifyPluginAsync } from 'fastify';
import codes from './codes';
import notes from './notes';
import proposals from './proposals';

const interest: FastifyPluginAsync = async (app) => {
  await app.register(codes);
  await app.register(proposals);
  await app.register(notes);
};

export default interest;
