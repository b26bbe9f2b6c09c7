// Rewrites the committed manifest (written for https://localhost:3000) for another origin, so every
// URL in it derives from one setting: ADDIN_ORIGIN. Used by webpack.config.js and the manifest test.
import { readFileSync } from 'node:fs';

export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * @param {string | undefined} value an origin such as https://collections.contoso.example
 * @returns {string} the origin without a trailing slash
 */
export function parseAddinOrigin(value) {
  const raw = (value ?? '').trim() || DEV_ORIGIN;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_ORIGIN must be an https origin such as https://collections.contoso.example, got "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_ORIGIN must use https (Outlook refuses http), got "${raw}"`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`ADDIN_ORIGIN must be an origin without a path, query or fragment, got "${raw}"`);
  }
  return url.origin;
}

/**
 * @param {string} xml the committed manifest
 * @param {string} origin the target origin (already parsed)
 * @returns {string} the manifest with every development URL moved to `origin`
 */
export function manifestForOrigin(xml, origin) {
  const out = xml.split(DEV_ORIGIN).join(origin);
  const isLocal = new URL(origin).hostname === 'localhost';
  if (!isLocal && /localhost/i.test(out)) {
    throw new Error(`manifest for ${origin} still names localhost: every URL must derive from ${DEV_ORIGIN}`);
  }
  return out;
}

/** @param {string | undefined} addinOrigin @returns {string} */
export function buildManifest(addinOrigin) {
  const xml = readFileSync(new URL('../manifest.xml', import.meta.url), 'utf8');
  return manifestForOrigin(xml, parseAddinOrigin(addinOrigin));
}
