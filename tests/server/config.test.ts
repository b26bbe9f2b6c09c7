import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: null,
      accountingCurrency: 'USD',
      companyTimeZone: 'UTC',
      demoData: false,
      logLevel: 'info',
      https: null,
      addinOrigin: 'https://localhost:3000',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8443',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/collections',
      DATABASE_URL: 'postgres://app@db:5432/collections',
      ACCOUNTING_CURRENCY: 'eur',
      COMPANY_TIMEZONE: 'Europe/Paris',
      DEMO_DATA: '1',
      LOG_LEVEL: 'debug',
      HTTPS_CERT: 'cert.pem',
      HTTPS_KEY: 'key.pem',
      ADDIN_ORIGIN: 'https://collections.example.com/',
    });
    expect(config).toMatchObject({
      port: 8443,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@db:5432/collections',
      accountingCurrency: 'EUR',
      companyTimeZone: 'Europe/Paris',
      demoData: true,
      logLevel: 'debug',
      https: { certFile: 'cert.pem', keyFile: 'key.pem' },
      addinOrigin: 'https://collections.example.com',
    });
  });

  it('reads the grace before a promise is stored as broken, and refuses what is not a number of days', () => {
    expect(loadConfig({}).promiseGraceDays).toBe(0);
    expect(loadConfig({ PROMISE_GRACE_DAYS: '3' }).promiseGraceDays).toBe(3);
    for (const value of ['-1', '2.5', 'three', '91']) {
      const error = errorOf({ PROMISE_GRACE_DAYS: value });
      expect(error.message).toContain('PROMISE_GRACE_DAYS');
      expect(error.message).toContain('0 to 90');
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 3000, databaseUrl: null });
  });

  it.each([
    ['PORT', { PORT: 'http' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '0' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/app' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['ACCOUNTING_CURRENCY', { ACCOUNTING_CURRENCY: 'XYZ' }],
    ['ACCOUNTING_CURRENCY', { ACCOUNTING_CURRENCY: 'dollars' }],
    ['COMPANY_TIMEZONE', { COMPANY_TIMEZONE: 'Mars/Olympus_Mons' }],
    ['DEMO_DATA', { DEMO_DATA: 'yes' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['HTTPS_KEY', { HTTPS_CERT: 'cert.pem' }],
    ['HTTPS_CERT', { HTTPS_KEY: 'key.pem' }],
    ['ADDIN_ORIGIN', { ADDIN_ORIGIN: 'localhost:3000' }],
  ])('names %s when its value is wrong', (variable, env) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable}: `));
  });
});
