// A customer whose summary was computed by hand (arithmetic in the comments), in the import files'
// shape, with the expected figures as of TODAY and as of PAST. Accounting currency USD; money in
// expectations is minor units (cents). Reused by the domain tests and the API tests.
import { parseMoney } from '../../server/domain/money';
import type { CustomerProfile, LedgerEntry, Settlement } from '../../server/domain/types';

export const ACCOUNTING_CURRENCY = 'USD';
export const TODAY = '2026-11-24';
export const PAST = '2026-09-30';

/** customers.csv row. */
export const customer = {
  account: 'HC-001', name: 'Hand Computed Traders', group: 'Retail', sales_area: 'West',
  payment_terms: 'Net 30', currency: 'USD', credit_limit: '10000.00', credit_rating: '',
  status: 'active', customer_since: '2020-01-15', domains: 'handcomputed.example', agent_email: '',
};

/** ledger.csv rows (debits positive, credits negative; EUR rows carry their USD amount). */
export const ledger = [
  row('INV-0900', 'invoice', '2026-03-01', '2026-03-31', 'USD', '400.00', '400.00'), // never paid
  row('INV-1001', 'invoice', '2026-05-01', '2026-05-31', 'USD', '1000.00', '1000.00'), // paid a day early
  row('PAY-1001', 'payment', '2026-05-30', '', 'USD', '-1000.00', '-1000.00'),
  row('INV-2001', 'invoice', '2026-06-15', '2026-07-15', 'EUR', '3000.00', '3303.01'), // partly credited and paid
  row('INV-1002', 'invoice', '2026-07-01', '2026-07-31', 'USD', '2000.00', '2000.00'), // partial payments, broken promise
  row('CN-2001', 'credit_note', '2026-08-01', '', 'EUR', '-1000.00', '-1101.00'),
  row('PAY-1002', 'payment', '2026-08-15', '', 'USD', '-800.00', '-800.00'),
  row('INV-1003', 'invoice', '2026-08-20', '2026-09-19', 'USD', '1500.00', '1500.00'), // settled after PAST
  row('CN-1001', 'credit_note', '2026-09-10', '', 'USD', '-300.00', '-300.00'), // only 200.00 used
  row('PAY-1003', 'payment', '2026-09-25', '', 'USD', '-1500.00', '-1500.00'), // applied 2026-10-10
  row('INV-2002', 'invoice', '2026-10-01', '2026-10-31', 'EUR', '500.00', '551.25'), // disputed
  row('PAY-2001', 'payment', '2026-10-05', '', 'EUR', '-500.00', '-545.50'),
  row('FEE-1001', 'fee', '2026-10-15', '2026-10-15', 'USD', '25.00', '25.00'),
  row('PAY-1004', 'payment', '2026-11-10', '', 'USD', '-250.00', '-250.00'), // never applied
  row('INV-1004', 'invoice', '2026-11-01', '2026-12-01', 'USD', '600.00', '600.00'), // not yet due
];

/** settlements.csv rows (amount in the shared currency of debit and credit). */
export const settlements = [
  { debit_external_id: 'INV-1001', credit_external_id: 'PAY-1001', amount: '1000.00', date: '2026-05-30' },
  { debit_external_id: 'INV-2001', credit_external_id: 'CN-2001', amount: '1000.00', date: '2026-08-01' },
  { debit_external_id: 'INV-1002', credit_external_id: 'PAY-1002', amount: '800.00', date: '2026-08-15' },
  { debit_external_id: 'INV-1002', credit_external_id: 'CN-1001', amount: '200.00', date: '2026-09-10' },
  { debit_external_id: 'INV-1003', credit_external_id: 'PAY-1003', amount: '1500.00', date: '2026-10-10' },
  { debit_external_id: 'INV-2001', credit_external_id: 'PAY-2001', amount: '500.00', date: '2026-10-05' },
];

/** Collection statuses (not part of ledger.csv: set through the app after import). */
export const statuses = [
  { external_id: 'INV-1002', collection_status: 'promise_to_pay', status_date: '2026-10-20',
    promise_date: '2026-11-15', promise_amount: '500.00', dispute_reason: null },
  { external_id: 'INV-2002', collection_status: 'disputed', status_date: '2026-11-05',
    promise_date: null, promise_amount: null, dispute_reason: 'Damaged goods' },
] as const;

function row(external_id: string, kind: string, posting_date: string, due_date: string, currency: string, amount: string, amount_accounting: string) {
  return { external_id, account: 'HC-001', kind, document: external_id, posting_date, due_date, currency, amount, amount_accounting };
}

const AGING = ['Current', '1–30', '31–60', '61–90', '91–120', 'Over 120'];
const aging = (amounts: number[]) => AGING.map((label, i) => ({ label, amount: amounts[i] }));

/*
 * As of TODAY (2026-11-24), open amounts in USD cents and days overdue:
 *   INV-0900  400.00 USD                    40000  due 03-31, 238 days  → Over 120
 *   INV-2001  3000 − 1000 − 500 = 1500 EUR  330301 × 1500/3000 = 165150.5 → 165151, 132 days → Over 120
 *   INV-1002  2000 − 800 − 200 = 1000 USD   100000 due 07-31, 116 days  → 91–120
 *   CN-1001   −300 + 200 = −100 USD         −10000 credit               → Current
 *   INV-2002  500 EUR                       55125  due 10-31, 24 days   → 1–30
 *   FEE-1001  25 USD                        2500   due 10-15, 40 days   → 31–60
 *   PAY-1004  −250 USD                      −25000 unapplied            → Current
 *   INV-1004  600 USD                       60000  due 12-01, not due   → Current
 *   (INV-1001, PAY-1001, CN-2001, PAY-1002, INV-1003, PAY-1003, PAY-2001: fully settled, 0)
 * Balance 40000 + 165151 + 100000 − 10000 + 55125 + 2500 − 25000 + 60000 = 387776
 * Overdue 40000 + 165151 + 100000 + 55125 + 2500 = 362776; remaining 1000000 − 387776 = 612224
 * Overdue history: 2026-09-25 (INV-0900 40000 + INV-2001 2000 EUR → 220201 + INV-1002 100000 +
 *   INV-1003 150000, 6 days; PAY-1003 posted but applied later) = 510201; 2026-10-25 (INV-0900 +
 *   INV-2001 165151 + INV-1002 100000 + FEE-1001 2500; INV-2002 not yet due) = 307651.
 * History: settled in the year INV-1001 (on time) and INV-1003 (10-10 vs 09-19: 21 days late):
 *   share 1/2; average (100000 × 0 + 150000 × 21) / 250000 = 12.6;
 *   DSO: invoices posted after 2026-08-26 = 55125 + 60000 = 115125; 387776 × 90 / 115125 = 303.147 → 303.1.
 * Promise on INV-1002 (500.00 by 11-15, nothing paid since 10-20) is broken; INV-2002 disputed.
 * Rating: share 0.5 ≥ 0.5, 12.6 ≤ 30 days, 1 broken promise, something over 90 days → C.
 */
const today = {
  asOf: TODAY,
  balance: 387776,
  overdue: 362776,
  creditLimit: 1000000,
  creditRemaining: 612224,
  aging: aging([25000, 55125, 2500, 0, 100000, 205151]),
  overdueHistory: [
    { asOf: '2026-09-25', amount: 510201 },
    { asOf: '2026-10-25', amount: 307651 },
    { asOf: TODAY, amount: 362776 },
  ],
  outstandingInvoices: 5,
  balancesByCurrency: [
    { currency: 'EUR', balance: 200000, overdue: 200000 },
    { currency: 'USD', balance: 167500, overdue: 142500 },
  ],
  creditRating: 'C',
  creditRatingSource: 'derived',
  onTimeShare: 0.5,
  averageDaysLate: 12.6,
  dso: 303.1,
  collection: { promises: 0, brokenPromises: 1, disputes: 1 },
  lateMonths: ['2026-03', '2026-07', '2026-09', '2026-10'],
  onTimeMonths: ['2026-05'],
};

/*
 * As of PAST (2026-09-30): INV-2002, PAY-2001, FEE-1001, PAY-1004, INV-1004 not yet posted;
 * PAY-1003 posted but its settlement (10-10) not yet effective, so it is an open credit.
 *   INV-0900  40000  183 days → Over 120      INV-2001  2000 EUR → 220201, 77 days → 61–90
 *   INV-1002  100000  61 days → 61–90         INV-1003  150000, 11 days → 1–30
 *   CN-1001   −10000 → Current                PAY-1003  −150000 → Current
 * Balance 40000 + 220201 + 100000 + 150000 − 10000 − 150000 = 350201; remaining 649799
 * Overdue 40000 + 220201 + 100000 + 150000 = 510201
 * Overdue history: 2026-08-01 (INV-0900 + INV-2001 220201 + INV-1002 2000 USD, 1 day) = 460201;
 *   2026-08-31 (INV-0900 + INV-2001 220201 + INV-1002 1200 USD) = 380201.
 * History: only INV-1001 settled (on time): share 1, 0 days late; DSO: invoices posted after
 *   2026-07-02 = INV-1003 150000; 350201 × 90 / 150000 = 210.12 → 210.1.
 * The promise (made 10-20) and the dispute (11-05) did not exist yet. Rating: over 90 days → C.
 */
const past = {
  asOf: PAST,
  balance: 350201,
  overdue: 510201,
  creditLimit: 1000000,
  creditRemaining: 649799,
  aging: aging([-160000, 150000, 0, 320201, 0, 40000]),
  overdueHistory: [
    { asOf: '2026-08-01', amount: 460201 },
    { asOf: '2026-08-31', amount: 380201 },
    { asOf: PAST, amount: 510201 },
  ],
  outstandingInvoices: 4,
  balancesByCurrency: [
    { currency: 'EUR', balance: 200000, overdue: 200000 },
    { currency: 'USD', balance: 130000, overdue: 290000 },
  ],
  creditRating: 'C',
  creditRatingSource: 'derived',
  onTimeShare: 1,
  averageDaysLate: 0,
  dso: 210.1,
  collection: { promises: 0, brokenPromises: 0, disputes: 0 },
  lateMonths: ['2026-03', '2026-07', '2026-09'],
  onTimeMonths: ['2026-05'],
};

export const expected = { today, past };

/** The fixture as domain data (entry ids are the external ids), parsed as the importer would. */
export function handComputedDomain(): { profile: CustomerProfile; entries: LedgerEntry[]; settlements: Settlement[] } {
  const profile: CustomerProfile = {
    id: 'hc-001', account: customer.account, name: customer.name, currency: customer.currency,
    creditLimit: parseMoney(customer.credit_limit, ACCOUNTING_CURRENCY), creditRating: null,
    status: 'active', customerSince: customer.customer_since,
  };
  const entries = ledger.map((r): LedgerEntry => {
    const status = statuses.find((s) => s.external_id === r.external_id);
    return {
      id: r.external_id, kind: r.kind as LedgerEntry['kind'], document: r.document, postingDate: r.posting_date,
      dueDate: r.due_date || null, currency: r.currency, amount: parseMoney(r.amount, r.currency),
      amountAccounting: parseMoney(r.amount_accounting, ACCOUNTING_CURRENCY),
      collectionStatus: status?.collection_status ?? 'none', statusDate: status?.status_date ?? null,
      promiseDate: status?.promise_date ?? null,
      promiseAmount: status?.promise_amount ? parseMoney(status.promise_amount, r.currency) : null,
      disputeReason: status?.dispute_reason ?? null,
    };
  });
  const settlementRows = settlements.map((s): Settlement => {
    const debit = ledger.find((r) => r.external_id === s.debit_external_id);
    return { debitId: s.debit_external_id, creditId: s.credit_external_id, amount: parseMoney(s.amount, debit?.currency ?? ''), date: s.date };
  });
  return { profile, entries, settlements: settlementRows };
}
