// The report view's filter, sort and byte counts.
import { expect, it } from 'vitest';
import { filterCustomers, formatBytes, sortCustomers } from '../../../../addin/features/reports/model';
import { sampleReport } from './fakes';

const { customers } = sampleReport();

it('filters by every word in the account or name, any case', () => {
  expect(filterCustomers(customers, '  ').map((c) => c.account)).toEqual(['C-001', 'C-002', 'C-003']);
  expect(filterCustomers(customers, 'INC c-00').map((c) => c.account)).toEqual(['C-002']);
  expect(filterCustomers(customers, 'nobody')).toEqual([]);
});

it('sorts text by collation and amounts by value, keeping the account order on ties', () => {
  const accounts = (column: Parameters<typeof sortCustomers>[1]) => sortCustomers(customers, column, 'en-US').map((c) => c.account);
  expect(accounts({ column: 'name', direction: 'descending' })).toEqual(['C-002', 'C-001', 'C-003']);
  expect(accounts({ column: 'overdue', direction: 'descending' })).toEqual(['C-002', 'C-001', 'C-003']);
  expect(accounts({ column: 'period:3', direction: 'ascending' })).toEqual(['C-001', 'C-002', 'C-003']);
});

it('counts bytes in kB and MB', () => {
  expect(formatBytes(999, 'en-US')).toBe('999 bytes');
  expect(formatBytes(1_300_000, 'en-US')).toBe('1.3 MB');
});
