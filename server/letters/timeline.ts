// Posted letters as timeline entries (type 'letter'), for the customer timeline to merge with the
// ledger and activities; the hover card shows number, level, fee and total.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { formatMinor } from '../domain/money';
import type { TimelineEntry } from '../domain/timeline';
import type { IsoDate } from '../domain/types';

/** Letters dated within [from, to], newest first. Amount: the letter's total in the accounting currency. */
export async function letterTimelineEntries(
  db: Kysely<Database>,
  customerId: string,
  from: IsoDate,
  to: IsoDate,
  accountingCurrency: string,
): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('collection_letters')
    .select(['id', 'number', 'level', 'level_name', 'letter_date', 'delivery', 'fee_currency', 'fee_amount', 'total_accounting'])
    .where('customer_id', '=', customerId)
    .where('letter_date', '>=', from)
    .where('letter_date', '<=', to)
    .orderBy('letter_date', 'desc')
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    type: 'letter',
    date: row.letter_date,
    title: row.number,
    currency: accountingCurrency,
    amount: row.total_accounting,
    dueDate: null,
    open: null,
    settlements: [],
    details: {
      number: row.number,
      level: row.level,
      levelName: row.level_name,
      fee: row.fee_currency && row.fee_amount !== null ? `${formatMinor(row.fee_amount, row.fee_currency)} ${row.fee_currency}` : null,
      // In minor units of feeCurrency.
      feeAmount: row.fee_amount,
      feeCurrency: row.fee_currency,
      total: `${formatMinor(row.total_accounting, accountingCurrency)} ${accountingCurrency}`,
      delivery: row.delivery,
    },
  }));
}
