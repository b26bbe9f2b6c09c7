// Short-lived signed links to a letter's stored PDF. Outlook downloads a reply's file attachment
// itself, without the pane's bearer token, so the URL carries its own proof: an HMAC-SHA256 over the
// letter id and the expiry, under the server's LETTER_LINK_SECRET.
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/** Long enough for Outlook to fetch the attachment when the reply form opens; short enough to be useless later. */
export const LETTER_LINK_TTL_SECONDS = 15 * 60;

export interface LetterLink {
  /** Server-relative: /letters/<id>.pdf?exp=<unix seconds>&sig=<base64url>. */
  url: string;
  expiresAt: string;
}

export type LinkCheck = 'valid' | 'bad_signature' | 'expired';

function signature(key: KeyObject, letterId: string, exp: number): Buffer {
  // The purpose prefix keeps these MACs from ever matching one made under the same key for another use.
  return createHmac('sha256', key).update(`letter-pdf\n${letterId}\n${exp}`).digest();
}

export function signLetterLink(key: KeyObject, letterId: string, now: Date): LetterLink {
  const exp = Math.floor(now.getTime() / 1000) + LETTER_LINK_TTL_SECONDS;
  const sig = signature(key, letterId, exp).toString('base64url');
  return { url: `/letters/${encodeURIComponent(letterId)}.pdf?exp=${exp}&sig=${sig}`, expiresAt: new Date(exp * 1000).toISOString() };
}

/** An expired link is reported as such only when its signature holds, so a forger learns nothing. */
export function checkLetterLink(key: KeyObject, letterId: string, exp: unknown, sig: unknown, now: Date): LinkCheck {
  if (typeof exp !== 'string' || !/^[1-9]\d{0,11}$/.test(exp) || typeof sig !== 'string') return 'bad_signature';
  // Compared as text: base64url has several spellings of the last character's unused bits.
  const expected = Buffer.from(signature(key, letterId, Number(exp)).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
}
