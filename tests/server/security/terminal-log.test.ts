// `npm start` at a terminal: one short readable line per request instead of two JSON lines, the
// development-mode warning once (main.ts prints it as a banner), JSON everywhere else.
import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, terminalLine, terminalStream } from '../../../server/logging';

describe('log lines for a person at a terminal', () => {
  it('writes a request as one line with method, URL, status and time', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const app = Fastify({ logger: { level: 'info', stream: terminalStream(out) } });
    app.get('/api/ping', async () => ({ ok: true }));
    await app.inject('/api/ping');
    app.log.warn({ batchId: 'b1' }, 'Letter batch stopped');
    await app.close();
    const lines = text.trim().split('\n');
    expect(lines.some((l) => /^\d\d:\d\d:\d\d GET \/api\/ping 200 \d+ ms$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\d\d:\d\d:\d\d WARN Letter batch stopped batchId=b1$/.test(l))).toBe(true);
    expect(text).not.toContain('"msg"');
    expect(text).not.toContain('incoming request');
  });

  it('leaves the development-mode warning to the banner, and passes lines that are not JSON through', () => {
    const requests = new Map<string, string>();
    expect(terminalLine(JSON.stringify({ level: 40, time: 0, msg: '*** DEVELOPMENT AUTH MODE: AUTH_TENANT_ID is not set' }), requests)).toBeNull();
    expect(terminalLine('plain text', requests)).toBe('plain text');
    const error = terminalLine(JSON.stringify({ level: 50, time: 0, msg: 'Unhandled error', err: { message: 'boom', stack: 'Error: boom\n    at x' } }), requests);
    expect(error).toMatch(/ERROR Unhandled error\nError: boom/);
  });

  it('keeps JSON lines when the caller gives its own stream or stdout is no terminal', () => {
    const own = new PassThrough();
    expect(loggerOptions('info', { stream: own })).toMatchObject({ stream: own });
    const tty = process.stdout.isTTY;
    try {
      process.stdout.isTTY = false;
      expect(loggerOptions('info')).not.toHaveProperty('stream');
      process.stdout.isTTY = true;
      expect(loggerOptions('info')).toHaveProperty('stream');
    } finally {
      process.stdout.isTTY = tty;
    }
  });
});
