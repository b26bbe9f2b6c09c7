// Cue phrases in English and German, dispute reasons, and the customer's own words only.
import { describe, expect, it } from 'vitest';
import { findCues, findReason } from '../../../../server/domain/drafts/intents';
import { readableText } from '../../../../server/domain/drafts/text';

const kinds = (text: string) => [...new Set(findCues(text).map((c) => c.kind))];

describe('findCues', () => {
  it('tells each kind in English and German', () => {
    expect(kinds('We will pay INV-1 on Friday.')).toEqual(['promise_to_pay']);
    expect(kinds('Wir werden die Rechnung am 15.12. überweisen.')).toEqual(['promise_to_pay']);
    expect(kinds('We paid it last week.')).toEqual(['payment_claim']);
    expect(kinds('Die Rechnung haben wir am 30.11. überwiesen.')).toEqual(['payment_claim']);
    expect(kinds('The goods arrived damaged.')).toEqual(['dispute']);
    expect(kinds('Die Ware ist beschädigt.')).toEqual(['dispute']);
    expect(kinds('Please send a copy of the invoice.')).toEqual(['copy_request']);
    expect(kinds('Bitte senden Sie uns einen Kontoauszug.')).toEqual(['copy_request']);
    expect(kinds('From now on please write to ap@x.example.')).toEqual(['contact_change']);
    expect(kinds('Bitte schreiben Sie ab sofort an ap@x.example.')).toEqual(['contact_change']);
    expect(kinds('Thanks, noted.')).toEqual([]);
  });

  it('counts a negated promise for a dispute', () => {
    expect(findCues('We will not pay this invoice.')).toMatchObject([{ kind: 'dispute', weight: 1 }]);
  });
});

describe('findReason', () => {
  it.each([
    ['The unit prices do not match the quote.', 'price'],
    ['Der Preis stimmt nicht.', 'price'],
    ['We only received 96 cases.', 'quantity'],
    ['Es wurden nur 40 Stück geliefert.', 'quantity'],
    ['Half of it arrived damaged.', 'damaged'],
    ['Die Ware ist beschädigt.', 'damaged'],
    ['We never received the goods.', 'not_received'],
    ['Die Lieferung haben wir nicht erhalten.', 'not_received'],
    ['You billed us twice.', 'duplicate_billing'],
    ['Die Lieferung wurde doppelt berechnet.', 'duplicate_billing'],
    ['It was already paid.', 'already_paid'],
    ['Diese Rechnung ist bereits bezahlt.', 'already_paid'],
    ['The service is not complete.', 'other'],
  ])('%s → %s', (text, code) => {
    expect(findReason(text).code).toBe(code);
  });
});

describe('readableText', () => {
  it('blanks quoted messages and the signature but keeps every offset', () => {
    const body = 'We will pay INV-1.\n\nKind regards,\nPat\n\nOn Tue, 1 Dec 2026, Maria wrote:\n> INV-2 is open';
    const readable = readableText(body);
    expect(readable).toHaveLength(body.length);
    expect(readable.trim()).toBe('We will pay INV-1.');
  });

  it.each([
    '-----Original Message-----\nFrom: x',
    'Von: Tailwind <c@t.example>\nGesendet: Montag',
    'Am 01.12.2026 um 10:12 schrieb Maria <m@t.example>:\n> text',
    '> quoted line',
  ])('ends the new words at %j', (quote) => {
    expect(readableText(`Paid.\n${quote}`).trim()).toBe('Paid.');
  });
});
