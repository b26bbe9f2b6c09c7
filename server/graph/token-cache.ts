// The agents' MSAL token caches (refresh tokens included) in the database, sealed with AES-256-GCM
// under GRAPH_TOKEN_CACHE_KEY: msal-node's distributed cache plugin, partitioned by agent, so that any
// worker process can get a Graph token for an agent without the agent's own API token.
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import {
  DistributedCachePlugin,
  type ICacheClient,
  type ICachePlugin,
  type IPartitionManager,
  type TokenCacheContext,
} from '@azure/msal-node';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The stored cache cannot be opened: the key differs from the one it was sealed with, or the row was altered. */
export class TokenCacheKeyError extends Error {
  constructor(agentId: string) {
    super(
      `GRAPH_TOKEN_CACHE_KEY does not open the stored Graph token cache of agent ${agentId}: the key is not the one ` +
        `it was written with, or the row was altered. Set the original key, or delete the agent's row from ` +
        `graph_token_cache so that the agent's next sign-in starts a new cache.`,
    );
    this.name = 'TokenCacheKeyError';
  }
}

// The agent id is authenticated with the ciphertext: a cache copied onto another agent's row does not open.
const additionalData = (agentId: string) => Buffer.from(`graph-token-cache:v${FORMAT_VERSION}:${agentId}`, 'utf8');

/** Version byte, random IV, GCM tag, ciphertext. */
export function sealCache(key: KeyObject, agentId: string, plaintext: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(agentId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or TokenCacheKeyError: never bytes that did not authenticate. */
export function openCache(key: KeyObject, agentId: string, sealed: Uint8Array): string {
  const bytes = Buffer.from(sealed);
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_VERSION) throw new TokenCacheKeyError(agentId);
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(agentId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenCacheKeyError(agentId);
  }
}

export interface StoredAccount {
  /** MSAL's `<oid>.<tid>`, to find the agent's account in the cache. */
  homeAccountId: string;
  tenantId: string;
}

/** Which account a worker signs in silently for the agent, and in which tenant; null before the first exchange. */
export async function storedAccount(db: Kysely<Database>, agentId: string): Promise<StoredAccount | null> {
  const row = await db
    .selectFrom('graph_token_cache')
    .select(['home_account_id', 'tenant_id'])
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return row ? { homeAccountId: row.home_account_id, tenantId: row.tenant_id } : null;
}

// The account an MSAL cache holds (one per partition): without it no worker could sign in silently.
function accountOf(serialized: string): StoredAccount | null {
  const accounts = (JSON.parse(serialized) as { Account?: Record<string, { home_account_id?: string; realm?: string }> }).Account;
  const account = Object.values(accounts ?? {}).find((a) => a.home_account_id && a.realm);
  return account ? { homeAccountId: account.home_account_id!, tenantId: account.realm! } : null;
}

class DatabaseCacheClient implements ICacheClient {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly key: KeyObject,
  ) {}

  async get(agentId: string): Promise<string> {
    const row = await this.db.selectFrom('graph_token_cache').select('sealed').where('agent_id', '=', agentId).executeTakeFirst();
    return row ? openCache(this.key, agentId, row.sealed) : '';
  }

  async set(agentId: string, serialized: string): Promise<string> {
    const account = accountOf(serialized);
    // A cache without an account (an answer without an ID token) holds nothing a worker could use.
    if (!account) return serialized;
    const values = { home_account_id: account.homeAccountId, tenant_id: account.tenantId, sealed: sealCache(this.key, agentId, serialized), updated_at: new Date() };
    await this.db
      .insertInto('graph_token_cache')
      .values({ agent_id: agentId, ...values })
      .onConflict((oc) => oc.column('agent_id').doUpdateSet(values))
      .execute();
    return serialized;
  }
}

/** MSAL's cache plugin for one agent's confidential client: reads and writes that agent's sealed row. */
export function agentCachePlugin(db: Kysely<Database>, key: KeyObject, agentId: string): ICachePlugin {
  // One client per agent, so the partition is always that agent whichever account MSAL names.
  const partition: IPartitionManager = { getKey: async () => agentId, extractKey: async () => agentId };
  const plugin = new DistributedCachePlugin(new DatabaseCacheClient(db, key), partition);
  // MSAL calls afterCacheAccess even when beforeCacheAccess threw: a row this key cannot open must
  // not then be overwritten with what this process happens to hold.
  const unread = new WeakSet<TokenCacheContext>();
  return {
    async beforeCacheAccess(context) {
      try {
        await plugin.beforeCacheAccess(context);
      } catch (error) {
        unread.add(context);
        throw error;
      }
    },
    async afterCacheAccess(context) {
      if (!unread.has(context)) await plugin.afterCacheAccess(context);
    },
  };
}
