// A payment returned unpaid (NSF): a reversing debit posted on the NSF date, the payment's
// settlements reversed on that date (reopening exactly what it had settled, earlier pictures
// unchanged), and the payment closed against the reversing debit.
import { conflict, invalidField, unprocessable } from '../errors';
import { prorate } from '../money';
import type { IsoDate } from '../types';
import type { NewEntry, OpenItem, PlannedSettlement } from './open-items';

export interface NsfPlan {
  reversal: NewEntry;
  /** Negative settlements undoing the payment's net settlement of each debit; `new:0` is the reversal. */
  settlements: PlannedSettlement[];
}

/** What the payment settled: its net settlement per debit id and the latest settlement date. */
export interface PaymentSettled {
  byDebit: ReadonlyMap<string, bigint>;
  lastSettledOn: IsoDate | null;
  /** Whether it already settles an NSF reversal (it was returned before). */
  returned: boolean;
}

/**
 * The NSF fee as a fee entry in the payment's currency on the NSF date (its accounting amount at the
 * payment's own rate), from the configured fees by currency; a 422 on `chargeFee` when none is set
 * for that currency.
 */
export function nsfFeeEntry(payment: OpenItem, fees: Readonly<Record<string, bigint>>, date: IsoDate): NewEntry {
  const fee = fees[payment.currency];
  if (fee === undefined) {
    throw unprocessable('no_nsf_fee', `Field 'chargeFee': no NSF fee is configured in ${payment.currency} (NSF_FEE).`, { field: 'chargeFee', currency: payment.currency });
  }
  return { kind: 'fee', currency: payment.currency, amount: fee, amountAccounting: prorate(payment.amountAccounting, fee, payment.amount), postingDate: date };
}

export function planNsf(payment: OpenItem, settled: PaymentSettled, date: IsoDate, today: IsoDate): NsfPlan {
  if (payment.kind !== 'payment') throw unprocessable('not_a_payment', `Field 'id': ${payment.document} is not a payment.`, { field: 'id' });
  if (settled.returned) throw conflict('already_nsf', `${payment.document} was already returned.`, { id: payment.id });
  const { lastSettledOn } = settled;
  if (date > today) throw invalidField('date', `must not be after today (${today})`);
  const earliest = lastSettledOn !== null && lastSettledOn > payment.postingDate ? lastSettledOn : payment.postingDate;
  if (date < earliest) throw invalidField('date', `must be on or after ${earliest} (the payment and its settlements)`);
  const settlements: PlannedSettlement[] = [...settled.byDebit.entries()]
    .filter(([, amount]) => amount !== 0n)
    .map(([debitId, amount]) => ({ debitId, creditId: payment.id, amount: -amount, date }));
  settlements.push({ debitId: 'new:0', creditId: payment.id, amount: -payment.amount, date });
  return {
    reversal: { kind: 'nsf_reversal', currency: payment.currency, amount: -payment.amount, amountAccounting: -payment.amountAccounting, postingDate: date },
    settlements,
  };
}
