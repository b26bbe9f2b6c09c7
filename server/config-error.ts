// The one error a bad configuration value fails start-up with: it names the environment variable.
// Its own module, so the settings readers of auth and graph need not import config.ts, which imports them.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
