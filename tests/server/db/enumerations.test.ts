// Each enumeration is defined once in code (server/domain); the database's CHECK constraints, written
// by the migrations, must allow exactly those values, so a value added on one side only fails here.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_OUTCOMES, ACTIVITY_STATUSES, ACTIVITY_SYNC_STATES, ACTIVITY_TYPES } from '../../../server/domain/activities';
import { BATCH_ITEM_STATES, BATCH_STATUSES, LETTER_DELIVERIES, LETTER_STATUSES } from '../../../server/domain/letters';
import { POSTING_KINDS } from '../../../server/domain/actions/open-items';
import { REASON_CODE_KINDS } from '../../../server/domain/actions/reason-codes';
import { WRITE_OFF_STATUSES } from '../../../server/domain/actions/write-off';
import { ACCOUNT_STATUSES, AGENT_ROLES, COLLECTION_STATUSES, LEDGER_KINDS } from '../../../server/domain/types';
import { openTestDatabase, testDatabases } from '../../support/db';

const ENUMERATIONS: Array<[table: string, column: string, values: readonly string[]]> = [
  ['agents', 'role', AGENT_ROLES],
  ['customers', 'status', ACCOUNT_STATUSES],
  ['ledger_entries', 'kind', LEDGER_KINDS],
  ['ledger_entries', 'collection_status', COLLECTION_STATUSES],
  ['activities', 'type', ACTIVITY_TYPES],
  ['activities', 'outcome', ACTIVITY_OUTCOMES],
  ['activities', 'status', ACTIVITY_STATUSES],
  ['activities', 'sync_state', ACTIVITY_SYNC_STATES],
  ['collection_letters', 'delivery', LETTER_DELIVERIES],
  ['collection_letters', 'status', LETTER_STATUSES],
  ['collection_letter_batches', 'delivery', LETTER_DELIVERIES],
  ['collection_letter_batches', 'status', BATCH_STATUSES],
  ['collection_letter_batch_items', 'state', BATCH_ITEM_STATES],
  ['collection_reason_codes', 'kind', REASON_CODE_KINDS],
  ['write_off_requests', 'status', WRITE_OFF_STATUSES],
  ['action_postings', 'kind', POSTING_KINDS],
];

/** The quoted values of `CHECK (column IN (...))` / `= ANY (ARRAY[...])` as PostgreSQL prints it. */
function allowedValues(definition: string): string[] {
  return [...definition.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
}

describe.each(testDatabases)('enumerations on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)('the CHECK constraint of each enumerated column allows exactly the values the code defines', async () => {
    const handle = await openTestDatabase(name);
    try {
      for (const [table, column, values] of ENUMERATIONS) {
        const result = await sql<{ definition: string }>`
          select pg_get_constraintdef(c.oid) as definition
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
          where c.contype = 'c' and c.conrelid = ${table}::regclass and a.attname = ${column}
            and cardinality(c.conkey) = 1`.execute(handle.db);
        const definitions = result.rows.map((row) => row.definition).filter((d) => d.includes("'"));
        expect(definitions, `${table}.${column} has one enumerating CHECK`).toHaveLength(1);
        expect(allowedValues(definitions[0]!).sort(), `${table}.${column}`).toEqual([...values].sort());
      }
    } finally {
      await handle.close();
    }
  });
});
