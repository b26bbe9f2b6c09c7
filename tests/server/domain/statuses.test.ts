// Collection statuses as of a date: promises that break when their date passes unpaid.
import { describe, expect, it } from 'vitest';
import { brokenPromises } from '../../../server/domain/statuses';
import { entry, settle } from './builders';

const promised = entry({
  id: 'inv', amount: 1000n, postingDate: '2026-03-01', dueDate: '2026-03-31',
  collectionStatus: 'promise_to_pay', statusDate: '2026-04-05', promiseDate: '2026-04-15', promiseAmount: 400n,
});
const payment = entry({ id: 'pay', amount: -1000n, postingDate: '2026-04-01' });
const status = (asOf: string, settlements = [settle('inv', 'pay', 100n, '2026-04-10')]) =>
  brokenPromises([promised, payment], settlements, asOf);

describe('brokenPromises', () => {
  it('keeps a promise up to and including its date', () => {
    expect(status('2026-04-15')).toEqual({ ids: [], statuses: new Map([['inv', 'promise_to_pay'], ['pay', 'none']]) });
  });

  it('breaks a promise the day after its date when less than the promised amount was paid', () => {
    const result = status('2026-04-16');
    expect(result.ids).toEqual(['inv']);
    expect(result.statuses.get('inv')).toBe('promise_broken');
  });

  it('keeps a promise met by settlements made between the promise and its date', () => {
    const paid = [settle('inv', 'pay', 150n, '2026-04-06'), settle('inv', 'pay', 250n, '2026-04-15')];
    expect(status('2026-05-01', paid).statuses.get('inv')).toBe('promise_to_pay');
  });

  it('does not count payments made before the promise toward it, nor payments after its date', () => {
    const paid = [settle('inv', 'pay', 300n, '2026-04-01'), settle('inv', 'pay', 100n, '2026-04-16')];
    expect(status('2026-05-01', paid).ids).toEqual(['inv']);
  });

  it('keeps a promise when the invoice was fully settled by the promise date', () => {
    expect(status('2026-05-01', [settle('inv', 'pay', 1000n, '2026-04-02')]).statuses.get('inv')).toBe('promise_to_pay');
  });

  it('reads none before the status was set', () => {
    expect(status('2026-04-04').statuses.get('inv')).toBe('none');
  });

  it('keeps statuses already stored as broken or disputed, without listing them as newly broken', () => {
    const disputed = entry({ id: 'd', amount: 5n, collectionStatus: 'disputed', statusDate: '2026-01-02', disputeReason: 'Price' });
    const broken = entry({ id: 'b', amount: 5n, collectionStatus: 'promise_broken', statusDate: '2026-01-02' });
    const result = brokenPromises([disputed, broken], [], '2026-02-01');
    expect(result.ids).toEqual([]);
    expect([...result.statuses.values()]).toEqual(['disputed', 'promise_broken']);
  });
});
