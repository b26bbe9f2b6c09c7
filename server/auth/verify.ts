// Validates an Entra ID access token for this API: signature against the tenant's key set (jose
// refetches it when it meets an unknown key id), lifetime, audience, tenant, issuer, token type, scope.
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { GRAPH_AUDIENCES } from './settings';

export type TokenFailure =
  | 'missing'
  | 'malformed'
  | 'alg'
  | 'signature'
  | 'unknown_key'
  | 'expired'
  | 'not_yet_valid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'not_access_token'
  | 'scope'
  | 'key_set_unavailable';

export class TokenError extends Error {
  constructor(
    readonly reason: TokenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export interface VerifiedToken {
  oid: string;
  tid: string;
  name: string | null;
  email: string | null;
  scopes: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
  /** The compact token, kept only in memory as the on-behalf-of assertion. */
  raw: string;
}

export interface VerifierOptions {
  jwksUrl: string;
  audiences: string[];
  allowedTenants: string[];
  /** Null: Entra ID's v2 issuer for the token's tenant. */
  issuer: string | null;
  requiredScope: string;
  clockToleranceSeconds?: number;
  /** Minimum time between two key set downloads caused by unknown key ids. */
  jwksCooldownMs?: number;
}

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

// Entra ID signs access tokens with RS256 only; anything else (including "none") is refused.
const ALGORITHMS = ['RS256'];

export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  const keySet = createRemoteJWKSet(new URL(opts.jwksUrl), {
    cooldownDuration: opts.jwksCooldownMs ?? 30_000,
    timeoutDuration: 5_000,
  });
  const clockTolerance = opts.clockToleranceSeconds ?? 120;

  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new TokenError('malformed', 'The bearer token is not a JWT.');
    }
    if (!alg || !ALGORITHMS.includes(alg)) {
      throw new TokenError('alg', `Tokens signed with '${alg ?? 'none'}' are not accepted; expected RS256.`);
    }
    let payload: JWTPayload;
    try {
      // jose checks exp only when present; a token that never expires is refused.
      ({ payload } = await jwtVerify(token, keySet, { algorithms: ALGORITHMS, clockTolerance, requiredClaims: ['exp'] }));
    } catch (error) {
      throw fromJoseError(error);
    }
    return checkClaims(payload, token, opts);
  };
}

function fromJoseError(error: unknown): TokenError {
  if (error instanceof errors.JWTExpired) return new TokenError('expired', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return new TokenError('not_yet_valid', 'The token is not valid yet (nbf is in the future).');
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
    return new TokenError('malformed', `The token has no '${error.claim}' claim.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new TokenError('unknown_key', "The token's key id is not in the tenant's key set.");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenError('signature', 'The token signature does not verify.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new TokenError('alg', 'The token algorithm is not accepted.');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) {
    return new TokenError('key_set_unavailable', 'The signing key set could not be fetched.');
  }
  return new TokenError('malformed', 'The token could not be read.');
}

function checkClaims(payload: JWTPayload, raw: string, opts: VerifierOptions): VerifiedToken {
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  if (audiences.some((aud) => GRAPH_AUDIENCES.includes(aud))) {
    throw new TokenError('audience', 'The token is for Microsoft Graph, not for this API.');
  }
  if (!audiences.some((aud) => opts.audiences.includes(aud))) {
    throw new TokenError('audience', `The token audience is not this API (${opts.audiences.join(' or ')}).`);
  }
  const tid = claimString(payload, 'tid');
  if (!tid || !opts.allowedTenants.includes(tid)) {
    throw new TokenError('tenant', 'The token was issued for a tenant that is not allowed.');
  }
  const issuer = opts.issuer ?? `https://login.microsoftonline.com/${tid}/v2.0`;
  if (payload.iss !== issuer) throw new TokenError('issuer', `The token issuer is not ${issuer}.`);
  // An ID token is addressed to the client that signed in, carries a nonce and no scopes; it
  // proves who signed in to the pane, not that the pane may call this API.
  const scp = claimString(payload, 'scp');
  if (scp === null || 'nonce' in payload) {
    throw new TokenError('not_access_token', 'An access token is required; this looks like an ID token.');
  }
  const scopes = scp.split(' ').filter(Boolean);
  if (!scopes.includes(opts.requiredScope)) {
    throw new TokenError('scope', `The token lacks the '${opts.requiredScope}' scope.`);
  }
  const oid = claimString(payload, 'oid');
  if (!oid) throw new TokenError('malformed', 'The token has no object id (oid).');
  return {
    oid,
    tid,
    name: claimString(payload, 'name'),
    email: claimString(payload, 'preferred_username') ?? claimString(payload, 'email') ?? claimString(payload, 'upn'),
    scopes,
    expiresAt: payload.exp ?? 0,
    raw,
  };
}

function claimString(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
