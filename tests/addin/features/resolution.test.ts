import { describe, expect, it } from 'vitest';
import { preferredMatch } from '../../../addin/features/resolution/preferred';
import type { CustomerMatch } from '../../../addin/features/resolution/merge';

const m = (id: string, matchedBy: 'contact' | 'domain', address = 'ap@contoso.com'): CustomerMatch => ({ id, account: `C-${id}`, name: id, matchedBy, address });

describe('which match opens without asking', () => {
  it('is the one customer the sender is a contact of, whatever the domain also matches', () => {
    expect(preferredMatch([m('inc', 'contact'), m('ltd', 'domain')], null)?.id).toBe('inc');
  });
  it('is the agent’s earlier choice among domain matches, while it still matches', () => {
    expect(preferredMatch([m('inc', 'domain'), m('ltd', 'domain')], 'ltd')?.id).toBe('ltd');
    expect(preferredMatch([m('inc', 'domain'), m('ltd', 'domain')], 'gone')).toBeNull();
    expect(preferredMatch([m('inc', 'domain'), m('ltd', 'domain')], null)).toBeNull();
  });
  it('is none for a draft whose recipients belong to different customers', () => {
    expect(preferredMatch([m('inc', 'contact', 'a@contoso.com'), m('fab', 'domain', 'b@fabrikam.com')], null)).toBeNull();
  });
});
