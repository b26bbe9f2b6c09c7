// Month-end delivery of the aged receivables report: once the month is over, every subscribed
// manager gets the report as of its last day in their mailbox, as an XLSX attachment queued in the
// Graph outbox. Any number of server processes may run this job, and run it again after a restart:
// the (manager, month) row claimed in the transaction that queues the mail lets it happen once.
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { agedReceivables, type Paging } from '../db/repositories/aged-receivables';
import { claimMonthEndDelivery, pendingMonthEndRecipients } from '../db/repositories/aged-receivables-subscriptions';
import type { Database } from '../db/schema';
import { DEFAULT_AGING_PERIODS } from '../domain/aging';
import { addDays, todayIn } from '../domain/dates';
import type { IsoDate } from '../domain/types';
import { enqueueMail } from '../graph/outbox';
import { TotalsAccumulator, type AgedCustomerPages, type AgedReceivablesHeading } from '../reports/aged-receivables';
import { agedReceivablesXlsx } from '../reports/aged-receivables-xlsx';
import { monthEndMailBody, monthEndMailKey } from '../reports/month-end-mail';
import { startPeriodic } from './periodic';

export interface MonthEndOptions {
  companyTimeZone: string;
  accountingCurrency: string;
  /** Public origin of the server (the mail links to its report view). */
  origin: string;
  paging: Paging;
  now?: Date;
}

/** The last day of the month before the one `today` is in. */
export function lastMonthEnd(today: IsoDate): IsoDate {
  return addDays(`${today.slice(0, 8)}01` as IsoDate, -1);
}

/** The report as an XLSX workbook in memory, with its totals (a mail carries it whole anyway). */
async function workbook(db: Kysely<Database>, heading: AgedReceivablesHeading, paging: Paging) {
  const totals = new TotalsAccumulator(heading.periods.length);
  let customers = 0;
  const pages = agedReceivables(db, { ...heading, agentId: null }, { paging });
  async function* counted(): AgedCustomerPages {
    for await (const page of pages) {
      for (const customer of page) totals.add(customer);
      customers += page.length;
      yield page;
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of agedReceivablesXlsx(heading, counted())) chunks.push(chunk as Buffer);
  return { xlsx: Buffer.concat(chunks), totals: totals.totals(), customers };
}

/**
 * Queues last month's report for every subscribed manager who has not had it; returns how many
 * mails this call queued. The workbook is built once for all of them, and only when someone waits.
 */
export async function deliverMonthEndReports(db: Kysely<Database>, options: MonthEndOptions): Promise<number> {
  const monthEnd = lastMonthEnd(todayIn(options.companyTimeZone, options.now ?? new Date()));
  const recipients = await pendingMonthEndRecipients(db, monthEnd);
  if (recipients.length === 0) return 0;
  const heading: AgedReceivablesHeading = { asOf: monthEnd, by: 'due_date', currency: options.accountingCurrency, periods: DEFAULT_AGING_PERIODS };
  const report = await workbook(db, heading, options.paging);
  let queued = 0;
  for (const to of recipients) {
    const body = monthEndMailBody({ heading, ...report, to, origin: options.origin });
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claimMonthEndDelivery(trx, to.id, monthEnd))) return false;
      await enqueueMail(trx, to.id, monthEndMailKey(to.id, monthEnd), body);
      return true;
    });
    if (claimed) queued += 1;
  }
  return queued;
}

export interface MonthEndPluginOptions {
  db: Kysely<Database>;
  config: Config;
  /** Default hourly: a month's report goes out within the hour after midnight of the 1st. */
  intervalMs?: number;
}

/** Runs the delivery in the server while Graph is configured (without it no mail could leave). */
export default fp<MonthEndPluginOptions>(
  async (app, { db, config, intervalMs }) => {
    if (!config.graph) return;
    const options: MonthEndOptions = {
      companyTimeZone: config.companyTimeZone,
      accountingCurrency: config.accountingCurrency,
      origin: config.addinOrigin,
      paging: config.databaseUrl ? 'cursor' : 'keyset',
    };
    let job: ReturnType<typeof startPeriodic> | null = null;
    app.addHook('onReady', async () => {
      job = startPeriodic(
        'Month-end aged receivables',
        intervalMs ?? 60 * 60_000,
        async () => {
          if ((await deliverMonthEndReports(db, options)) > 0) app.graphSync?.nudge();
        },
        (name, error) => app.log.error({ err: error }, `${name} failed`),
      );
    });
    app.addHook('onClose', async () => {
      await job?.stop();
    });
  },
  { name: 'month-end-aged-receivables', dependencies: ['graph-sync'] },
);
