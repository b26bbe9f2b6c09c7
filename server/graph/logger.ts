// The logging the Graph sync needs: Fastify's logger in the server, a JSON line writer in a
// separate worker process, a silent one in tests.

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
