// A stand-in for Entra ID in tests: a JWKS endpoint on 127.0.0.1 and key pairs to mint access
// tokens (and ID tokens, Graph tokens, unsigned tokens) with any claims.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
export const CLIENT_ID = '33333333-3333-4333-8333-333333333333';
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface TokenIssuer {
  jwksUrl: string;
  /** Number of times the key set was downloaded. */
  fetches: number;
  /** Publishes a key (key rotation): later downloads include it. */
  publish(key: SigningKey): void;
  key: SigningKey;
  mint(claims?: Record<string, unknown>, opts?: { key?: SigningKey; expiresIn?: number; notBefore?: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const key = await newSigningKey('key-1');
  const published: JWK[] = [key.jwk];
  const server: Server = createServer((req, res) => {
    issuer.fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  const issuer: TokenIssuer = {
    jwksUrl: '',
    fetches: 0,
    key,
    publish: (k) => void published.push(k.jwk),
    async mint(claims = {}, opts = {}) {
      const signer = opts.key ?? key;
      const now = Math.floor(Date.now() / 1000);
      const body = {
        aud: `api://${CLIENT_ID}`,
        iss: ISSUER,
        tid: TENANT,
        oid: 'aaaaaaaa-0000-4000-8000-000000000001',
        name: 'Ada Agent',
        preferred_username: 'ada@contoso.example',
        scp: 'access_as_user',
        ver: '2.0',
        azp: CLIENT_ID,
        ...claims,
      };
      return new SignJWT(body)
        .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
        .setIssuedAt(now - 10)
        .setNotBefore(opts.notBefore ?? now - 10)
        .setExpirationTime(now + (opts.expiresIn ?? 3600))
        .sign(signer.privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer.jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
  return issuer;
}

/** An unsigned token (`alg: none`) carrying otherwise valid claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

export function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}
