// The postings feed for the ERP: what this product posted (entries, settlements and their
// reversals), in order, read from a cursor (the journal's sequence number).
import { sql, type Kysely } from 'kysely';
import type { PostingKind } from '../../domain/actions/open-items';
import type { Database } from '../schema';

export interface Posting {
  seq: bigint;
  postedAt: Date;
  kind: PostingKind;
  externalId: string;
  account: string;
  body: Record<string, unknown>;
}

export async function postingsAfter(db: Kysely<Database>, after: bigint, limit: number): Promise<Posting[]> {
  const rows = await db
    .selectFrom('action_postings as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['p.seq', sql<Date>`p.posted_at`.as('posted_at'), 'p.kind', 'p.external_id', 'c.account', 'p.body'])
    .where('p.seq', '>', after)
    .orderBy('p.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: BigInt(r.seq), postedAt: r.posted_at, kind: r.kind, externalId: r.external_id, account: r.account, body: r.body }));
}
