// The pane reads when a received email arrived, so "tomorrow" in it counts from that day.
import { describe, expect, it } from 'vitest';
import { createOfficeHost } from '../../../../addin/office/mailbox';
import { createTestOffice, readItem } from '../../office/fake-office';

const alice = { displayName: 'Alice Payables', emailAddress: 'ap@contoso.example' };

describe('receivedAt of a read item', () => {
  it('is the instant office.js gives as dateTimeCreated', () => {
    const item = readItem({ id: 'A1', from: alice, subject: 'Payment', body: 'We will pay tomorrow.', receivedAt: '2026-12-03T23:30:00Z' });
    expect(createOfficeHost(createTestOffice({ item }).office).currentItem()).toMatchObject({ receivedAt: '2026-12-03T23:30:00.000Z' });
  });

  it('is absent where the host does not say', () => {
    const item = readItem({ id: 'A2', from: alice, subject: 'Payment', body: 'Paid.' });
    expect(createOfficeHost(createTestOffice({ item }).office).currentItem()?.receivedAt).toBeUndefined();
  });
});
