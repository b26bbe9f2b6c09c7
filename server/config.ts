// The server's configuration: every environment variable is read and checked here, once, into one
// typed object; a bad value fails start-up with a ConfigError naming the variable.
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { authSettingsFromEnv, type AuthSettings } from './auth/settings';
import { DEMO_LETTERHEAD } from './demo/names';
import { ConfigError } from './config-error';
import { graphSettingsFromEnv, type GraphSettings } from './graph/settings';
import { MoneyParseError, parseMoney } from './domain/money';

// The entry points (main.ts, the CLIs) load the configuration and catch its error from one place.
export { ConfigError };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database; unused when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  accountingCurrency: string;
  companyTimeZone: string;
  demoData: boolean;
  logLevel: LogLevel;
  /** Both paths or neither: HTTPS is served only when both are given. */
  https: { certFile: string; keyFile: string } | null;
  /** Where the task pane is served from (the manifest's SourceLocation origin). */
  addinOrigin: string;
  /** Entra ID sign-in (AUTH_*), or development auth mode when AUTH_TENANT_ID is unset. */
  auth: AuthSettings;
  /** Microsoft Graph (GRAPH_*, on-behalf-of credential); null: activities are not synced to Outlook. */
  graph: GraphSettings | null;
  /**
   * The letterhead of collection letters, statements and interest notes (LETTER_COMPANY_NAME,
   * LETTER_COMPANY_ADDRESS, LETTER_LOGO_PATH); with DEMO_DATA=1 and no name, the demo's seller.
   */
  letters: LetterSettings;
  /**
   * Signs the short-lived PDF links Outlook fetches (LETTER_LINK_SECRET). Unset: a random key per
   * process, so links die on restart. A KeyObject, so logging the config never prints the secret.
   */
  letterLinkKey: KeyObject;
  /**
   * How long a lease on background work (a letter batch, the Graph delta poll) lasts unrenewed
   * (LEASE_TTL_MS): when its process dies, another takes the work over after this long.
   */
  leaseTtlMs: number;
  /**
   * The fee charged on a payment returned unpaid (NSF_FEE, e.g. `25.00 USD; 20.00 EUR`), in minor
   * units by currency: charged in the payment's currency when it has an amount for it.
   */
  nsfFees: Record<string, bigint>;
  /** Days after a promise's date before the broken-promise job marks it broken (PROMISE_GRACE_DAYS). */
  promiseGraceDays: number;
}

export interface LetterSettings {
  companyName: string;
  /** LETTER_COMPANY_ADDRESS split at ';' or newlines. */
  companyAddress: string[];
  /** A PNG or JPEG printed on the PDF letterhead; null for none. */
  logoPath: string | null;
}

export type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  return {
    port: parsePort('PORT', read('PORT') ?? '3000'),
    host: read('HOST') ?? '127.0.0.1',
    dataDir: read('DATA_DIR') ?? './data',
    databaseUrl: parseDatabaseUrl('DATABASE_URL', read('DATABASE_URL')),
    accountingCurrency: parseCurrency('ACCOUNTING_CURRENCY', read('ACCOUNTING_CURRENCY') ?? 'USD'),
    companyTimeZone: parseTimeZone('COMPANY_TIMEZONE', read('COMPANY_TIMEZONE') ?? 'UTC'),
    demoData: parseFlag('DEMO_DATA', read('DEMO_DATA') ?? '0'),
    logLevel: parseOneOf('LOG_LEVEL', read('LOG_LEVEL') ?? 'info', LOG_LEVELS),
    https: parseHttps(read('HTTPS_CERT'), read('HTTPS_KEY')),
    addinOrigin: parseOrigin('ADDIN_ORIGIN', read('ADDIN_ORIGIN') ?? 'https://localhost:3000'),
    ...authAndGraph(env, parseOrigin('ADDIN_ORIGIN', read('ADDIN_ORIGIN') ?? 'https://localhost:3000')),
    letters: parseLetterSettings(
      read('LETTER_COMPANY_NAME'), read('LETTER_COMPANY_ADDRESS'), read('LETTER_LOGO_PATH'), parseFlag('DEMO_DATA', read('DEMO_DATA') ?? '0'),
    ),
    letterLinkKey: parseLinkSecret('LETTER_LINK_SECRET', read('LETTER_LINK_SECRET')),
    leaseTtlMs: parseMilliseconds('LEASE_TTL_MS', read('LEASE_TTL_MS') ?? '30000', 500),
    nsfFees: parseFees('NSF_FEE', read('NSF_FEE') ?? '25.00 USD'),
    promiseGraceDays: parseDays('PROMISE_GRACE_DAYS', read('PROMISE_GRACE_DAYS') ?? '0', 90),
  };
}

function parseLinkSecret(name: string, value: string | undefined): KeyObject {
  if (value === undefined) return createSecretKey(randomBytes(32));
  // The message never repeats the value: start-up errors are logged.
  if (value.length < 32) throw new ConfigError(name, 'must be at least 32 characters (e.g. `openssl rand -base64 32`).');
  return createSecretKey(Buffer.from(value, 'utf8'));
}

function authAndGraph(env: Env, origin: string): Pick<Config, 'auth' | 'graph'> {
  const auth = authSettingsFromEnv(env);
  return { auth, graph: graphSettingsFromEnv(env, auth, origin) };
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(name, `'${value}' is not a TCP port (1-65535).`);
  }
  return port;
}

function parseMilliseconds(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new ConfigError(name, `'${value}' must be a whole number of milliseconds, at least ${min}.`);
  }
  return Number(value);
}

function parseDays(name: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new ConfigError(name, `'${value}' must be a whole number of days from 0 to ${max}.`);
  }
  return Number(value);
}

function parseDatabaseUrl(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a URL; expected postgres://user@host:port/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must be a postgres:// or postgresql:// URL, not ${url.protocol}//.`);
  }
  return value;
}

// Intl knows the ISO 4217 list the runtime ships with, so no table of our own to keep up to date.
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function parseCurrency(name: string, value: string): string {
  const code = value.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !KNOWN_CURRENCIES.has(code)) {
    throw new ConfigError(name, `'${value}' is not a known ISO 4217 currency code (e.g. USD, EUR, JPY).`);
  }
  return code;
}

/** `amount CUR` pairs separated by ';' or ',', each a positive decimal in the currency's minor units. */
function parseFees(name: string, value: string): Record<string, bigint> {
  const fees: Record<string, bigint> = {};
  for (const part of value.split(/\s*[;,]\s*/).filter((p) => p !== '')) {
    const match = /^(\S+)\s+([A-Za-z]{3})$/.exec(part.trim());
    if (!match) throw new ConfigError(name, `'${part}' must be an amount and a currency, e.g. '25.00 USD'.`);
    const currency = parseCurrency(name, match[2]!);
    let minor: bigint;
    try {
      minor = parseMoney(match[1]!, currency);
    } catch (error) {
      if (error instanceof MoneyParseError) throw new ConfigError(name, error.message);
      throw error;
    }
    if (minor <= 0n) throw new ConfigError(name, `'${part}' must be more than 0.`);
    if (fees[currency] !== undefined) throw new ConfigError(name, `names ${currency} twice.`);
    fees[currency] = minor;
  }
  // The configuration is printed whole at start-up: amounts as decimal strings of minor units there
  // (JSON has no bigint), invisible to every other reader.
  Object.defineProperty(fees, 'toJSON', {
    value: () => Object.fromEntries(Object.entries(fees).map(([currency, minor]) => [currency, minor.toString()])),
  });
  return fees;
}

function parseTimeZone(name: string, value: string): string {
  try {
    // Canonical spelling ('europe/paris' → 'Europe/Paris') so later lookups need not normalise.
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(name, `'${value}' is not an IANA time zone (e.g. UTC, Europe/Paris).`);
  }
}

function parseFlag(name: string, value: string): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(name, `'${value}' must be 1 or 0.`);
}

function parseOneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((option) => option === value.toLowerCase());
  if (!found) throw new ConfigError(name, `'${value}' must be one of ${allowed.join(', ')}.`);
  return found;
}

function parseHttps(cert: string | undefined, key: string | undefined): Config['https'] {
  if (cert && key) return { certFile: cert, keyFile: key };
  if (cert) throw new ConfigError('HTTPS_KEY', 'is required when HTTPS_CERT is set.');
  if (key) throw new ConfigError('HTTPS_CERT', 'is required when HTTPS_KEY is set.');
  return null;
}

function parseOrigin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `'${value}' is not a URL; expected an origin such as https://localhost:3000.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, `'${value}' must be an http(s) origin.`);
  }
  return url.origin;
}

function parseLetterSettings(name: string | undefined, address: string | undefined, logoPath: string | undefined, demo: boolean): LetterSettings {
  if (logoPath !== undefined && !/\.(png|jpe?g)$/i.test(logoPath)) {
    throw new ConfigError('LETTER_LOGO_PATH', `'${logoPath}' must be a .png or .jpg file.`);
  }
  if (logoPath !== undefined && !existsSync(logoPath)) {
    throw new ConfigError('LETTER_LOGO_PATH', `'${logoPath}' does not exist.`);
  }
  // The demo company's letters come from its seller unless LETTER_COMPANY_NAME names another.
  const fallback = demo ? DEMO_LETTERHEAD : { name: 'Collections for Outlook', addressLines: [] };
  return {
    companyName: name ?? fallback.name,
    companyAddress:
      address !== undefined ? address.split(/\s*(?:;|\n)\s*/).filter((line) => line !== '') : name === undefined ? [...fallback.addressLines] : [],
    logoPath: logoPath ?? null,
  };
}
