// Short-lived signed links to a stored statement's PDF, as letters have (letters/links.ts): Outlook
// fetches a reply's attachment without the pane's sign-in, so the URL carries an HMAC-SHA256 over
// the statement id and the expiry, under LETTER_LINK_SECRET with a purpose of its own.
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { LETTER_LINK_TTL_SECONDS, type LetterLink, type LinkCheck } from '../letters/links';

function signature(key: KeyObject, statementId: string, exp: number): Buffer {
  return createHmac('sha256', key).update(`statement-pdf\n${statementId}\n${exp}`).digest();
}

export function signStatementLink(key: KeyObject, statementId: string, now: Date): LetterLink {
  const exp = Math.floor(now.getTime() / 1000) + LETTER_LINK_TTL_SECONDS;
  const sig = signature(key, statementId, exp).toString('base64url');
  return { url: `/statements/${encodeURIComponent(statementId)}.pdf?exp=${exp}&sig=${sig}`, expiresAt: new Date(exp * 1000).toISOString() };
}

export function checkStatementLink(key: KeyObject, statementId: string, exp: unknown, sig: unknown, now: Date): LinkCheck {
  if (typeof exp !== 'string' || !/^[1-9]\d{0,11}$/.test(exp) || typeof sig !== 'string') return 'bad_signature';
  const expected = Buffer.from(signature(key, statementId, Number(exp)).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
}
