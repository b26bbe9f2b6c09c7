// The customer picture as GET /api/customers/:id/summary answers it: the header of the customer and
// the summary's figures, money as JSON minor units.
import type { Summary } from '../../domain/summary';
import { toJsonMinor } from '../../domain/money';
import type { Customer } from '../../domain/types';
import type { CustomerSummary } from '../schemas/summary';
import { nullableJsonMinor } from './money';
import type { Hold } from '../../domain/actions/holds';
import { holdRefJson } from './holds';

/** `hold`: the customer's own hold in force on the as-of date, if any. */
export function customerHeaderJson(customer: Customer, hold?: Hold | null): CustomerSummary['customer'] {
  return {
    id: customer.id,
    account: customer.account,
    name: customer.name,
    group: customer.group,
    salesArea: customer.salesArea,
    paymentTerms: customer.paymentTerms,
    currency: customer.currency,
    status: customer.status,
    customerSince: customer.customerSince,
    domains: customer.domains,
    hold: holdRefJson(hold),
  };
}

/** Everything but the customer header (customerHeaderJson). */
export function summaryJson(summary: Summary): Omit<CustomerSummary, 'customer'> {
  const { paymentHistory: history } = summary;
  return {
    asOf: summary.asOf,
    currency: summary.currency,
    balance: toJsonMinor(summary.balance),
    overdue: toJsonMinor(summary.overdue),
    creditLimit: nullableJsonMinor(summary.creditLimit),
    creditRemaining: nullableJsonMinor(summary.creditRemaining),
    creditRating: summary.creditRating,
    creditRatingSource: summary.creditRatingSource,
    aging: summary.aging.map(({ period, amount }) => ({ ...period, amount: toJsonMinor(amount) })),
    overdueHistory: summary.overdueHistory.map((point) => ({ asOf: point.asOf, amount: toJsonMinor(point.amount) })),
    outstandingInvoices: summary.outstandingInvoices,
    balancesByCurrency: summary.balancesByCurrency.map((b) => ({
      currency: b.currency,
      balance: toJsonMinor(b.balance),
      overdue: toJsonMinor(b.overdue),
    })),
    paymentHistory: {
      onTimeShare: history.onTimeShare,
      averageDaysLate: history.averageDaysLate,
      dso: history.dso,
      months: history.months,
    },
    collection: summary.collection,
    contracts: { active: summary.activeContracts },
  };
}
