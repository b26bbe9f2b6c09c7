// The letter a customer is due: levels by days overdue, minimums, disputes and promises left out,
// exclusions, the next level after the last posted one, no repeat within a level's days.
import { describe, expect, it } from 'vitest';
import { LetterConfigError, proposeLetter, type PostedLetterRef, type ProposalInput } from '../../../server/domain/letters';
import { invoice, LEVELS, payment, settle } from './fixtures';

function propose(overrides: Partial<ProposalInput>) {
  return proposeLetter({
    levels: LEVELS,
    entries: [],
    settlements: [],
    letters: [],
    excluded: false,
    customerCurrency: 'USD',
    accountingCurrency: 'USD',
    asOf: '2026-03-01',
    ...overrides,
  });
}

const old = invoice({ id: 'old', document: 'INV-OLD', dueDate: '2026-02-01', amount: 20000n });
const recent = invoice({ id: 'recent', document: 'INV-NEW', dueDate: '2026-02-25', amount: 7000n });
const notDue = invoice({ id: 'future', document: 'INV-FUT', dueDate: '2026-03-01', amount: 9000n });

describe('first level', () => {
  it('is due once the oldest overdue item is the level’s days past due, listing every overdue item', () => {
    const proposal = propose({ entries: [old, recent, notDue], asOf: '2026-02-08' });
    expect(proposal).toMatchObject({ due: true, level: { level: 1 }, oldestDaysOverdue: 7 });
    if (!proposal.due) return;
    expect(proposal.lines.map((l) => l.document)).toEqual(['INV-OLD']);

    const later = propose({ entries: [old, recent, notDue] });
    expect(later.due && later.lines.map((l) => [l.document, l.daysOverdue])).toEqual([['INV-OLD', 28], ['INV-NEW', 4]]);
    expect(later.due && later.totals).toEqual([{ currency: 'USD', minor: 27000n }]);
  });

  it('is not due a day early, and says when it will be', () => {
    expect(propose({ entries: [old], asOf: '2026-02-07' })).toEqual({
      due: false, reason: 'not_due_yet', level: LEVELS[0], dueOn: '2026-02-08',
    });
  });

  it('is the first level even when the oldest item is past the last level’s days', () => {
    const proposal = propose({ entries: [old], asOf: '2026-06-01' });
    expect(proposal.due && proposal.level.level).toBe(1);
  });

  it('treats an item due on the as-of date as current', () => {
    expect(propose({ entries: [notDue], asOf: '2026-03-01' })).toMatchObject({ due: false, reason: 'nothing_overdue' });
  });
});

describe('later levels', () => {
  const reminder: PostedLetterRef = { level: 1, letterDate: '2026-02-10', entryIds: ['old'] };

  it('follow when the next level’s days have passed since the previous letter', () => {
    expect(propose({ entries: [old], letters: [reminder], asOf: '2026-03-11' })).toMatchObject({
      due: false, reason: 'not_due_yet', level: { level: 2 }, dueOn: '2026-03-12',
    });
    expect(propose({ entries: [old], letters: [reminder], asOf: '2026-03-12' })).toMatchObject({ due: true, level: { level: 2 } });
  });

  it('never repeat a level within its days, and the last level repeats only after its days', () => {
    expect(propose({ entries: [old], letters: [reminder], asOf: '2026-02-10' })).toMatchObject({ due: false, reason: 'not_due_yet' });
    const final: PostedLetterRef = { level: 4, letterDate: '2026-03-01', entryIds: ['old'] };
    expect(propose({ entries: [old], letters: [reminder, final], asOf: '2026-04-29' })).toMatchObject({
      due: false, level: { level: 4 }, dueOn: '2026-04-30',
    });
    expect(propose({ entries: [old], letters: [reminder, final], asOf: '2026-04-30' })).toMatchObject({ due: true, level: { level: 4 } });
  });

  it('start over at the first level once everything the last letter listed is paid', () => {
    const pay = payment(20000n, '2026-02-20', 'pay');
    const fresh = invoice({ id: 'fresh', dueDate: '2026-03-01', amount: 8000n });
    const proposal = propose({ entries: [old, pay, fresh], settlements: [settle(old, pay, 20000n, '2026-02-20')], letters: [reminder], asOf: '2026-03-20' });
    expect(proposal).toMatchObject({ due: true, level: { level: 1 } });
  });

  it('ignore letters posted after the as-of date', () => {
    const future: PostedLetterRef = { level: 1, letterDate: '2026-03-02', entryIds: ['old'] };
    expect(propose({ entries: [old], letters: [future] })).toMatchObject({ due: true, level: { level: 1 } });
  });
});

describe('what is left out', () => {
  it('leaves disputed items and standing promises out, keeps broken promises', () => {
    const disputed = invoice({ id: 'd', dueDate: '2026-01-10', amount: 50000n, collectionStatus: 'disputed', statusDate: '2026-01-20' });
    const promised = invoice({ id: 'p', dueDate: '2026-01-10', amount: 50000n, collectionStatus: 'promise_to_pay', statusDate: '2026-02-01', promiseDate: '2026-03-10' });
    const broken = invoice({ id: 'b', dueDate: '2026-01-10', amount: 6000n, collectionStatus: 'promise_to_pay', statusDate: '2026-02-01', promiseDate: '2026-02-15' });
    const proposal = propose({ entries: [disputed, promised, broken] });
    expect(proposal.due && proposal.lines.map((l) => [l.entryId, l.status])).toEqual([['b', 'promise_broken']]);
  });

  it('sends nothing when the listed items total less than the level’s minimum', () => {
    const small = invoice({ dueDate: '2026-01-10', amount: 4999n });
    expect(propose({ entries: [small] })).toMatchObject({ due: false, reason: 'below_minimum' });
    const exact = invoice({ dueDate: '2026-01-10', amount: 5000n });
    expect(propose({ entries: [exact] })).toMatchObject({ due: true });
  });

  it('measures the minimum in the accounting currency on the open part only', () => {
    const partly = invoice({ id: 'part', dueDate: '2026-01-10', amount: 10000n, currency: 'EUR', amountAccounting: 11000n });
    const pay = payment(6000n, '2026-01-15', 'pay-part');
    const proposal = propose({ entries: [partly, { ...pay, currency: 'EUR' }], settlements: [settle(partly, pay, 6000n, '2026-01-15')] });
    expect(proposal).toMatchObject({ due: false, reason: 'below_minimum' });
  });

  it('sends nothing to an excluded customer', () => {
    expect(propose({ entries: [old], excluded: true })).toMatchObject({ due: false, reason: 'excluded' });
  });
});

describe('fee', () => {
  const second: PostedLetterRef = { level: 1, letterDate: '2026-01-01', entryIds: ['old'] };

  it('is the level’s fee in the customer’s currency with the accounting amount from the same table', () => {
    const proposal = propose({ entries: [old], letters: [second], customerCurrency: 'EUR' });
    expect(proposal.due && proposal.fee).toEqual({ fee: { minor: 900n, currency: 'EUR' }, accounting: 1000n });
  });

  it('falls back to the accounting currency and is absent when zero', () => {
    expect(propose({ entries: [old], letters: [second], customerCurrency: 'JPY' })).toMatchObject({ fee: { fee: { minor: 1000n, currency: 'USD' } } });
    expect(propose({ entries: [old] })).toMatchObject({ due: true, fee: null });
  });

  it('refuses a fee table without the accounting currency', () => {
    const levels = LEVELS.map((l) => ({ ...l, fees: { EUR: 500n } }));
    expect(() => propose({ levels, entries: [old], customerCurrency: 'EUR' })).toThrow(LetterConfigError);
  });
});
