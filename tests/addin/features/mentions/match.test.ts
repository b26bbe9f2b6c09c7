import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentioned, tokenize } from '../../../../addin/features/mentions/match';

const docs = (...names: string[]) => names.map((document) => ({ document }));

describe('findMentioned', () => {
  const ledger = docs('INV-100042', 'INV-100043', 'CN-5001', 'PAY-2025-00017', '778899');

  it('finds invoice, credit note and payment numbers in any case and separator', () => {
    const text = 'We paid inv100042 and INV 100043 last week; see cn-5001 and PAY-2025-00017.';
    expect(findMentioned(text, ledger).map((d) => d.document)).toEqual([
      'INV-100042',
      'INV-100043',
      'CN-5001',
      'PAY-2025-00017',
    ]);
  });

  it('finds a bare number that is the number of one of the customer’s documents', () => {
    expect(findMentioned('Regarding 100042, payment is on its way', ledger).map((d) => d.document)).toEqual(['INV-100042']);
    expect(findMentioned('Document 778899 attached', ledger).map((d) => d.document)).toEqual(['778899']);
  });

  it('does not match a number inside a longer token', () => {
    expect(findMentioned('INV-1000421 and X100042 and 100042-B and 1000420', ledger)).toEqual([]);
  });

  it('ignores short bare numbers and numbers shared by two documents', () => {
    const shared = docs('INV-4711', 'CN-4711', 'INV-12');
    expect(findMentioned('we paid 4711 and 12 items', shared)).toEqual([]);
    expect(findMentioned('we paid CN-4711', shared).map((d) => d.document)).toEqual(['CN-4711']);
  });

  it('lists each document once, in the order first named', () => {
    expect(findMentioned('CN-5001, INV-100042, CN-5001', ledger).map((d) => d.document)).toEqual(['CN-5001', 'INV-100042']);
  });

  it('keeps a sentence full stop out of the token', () => {
    expect(tokenize('Paid INV-100042. Thanks').map((t) => t.text)).toEqual(['Paid', 'INV-100042', 'Thanks']);
  });
});

const prefix = fc.stringMatching(/^[A-Z]{2,4}$/);
const digits = fc.stringMatching(/^[1-9][0-9]{2,7}$/);
const separator = fc.constantFrom('-', '/', '_', '');
const documentName = fc.tuple(prefix, separator, digits).map(([p, s, d]) => `${p}${s}${d}`);
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const gap = fc.constantFrom(' ', ', ', ' (', ') ', '\n', ': ', '. ');

describe('findMentioned properties', () => {
  it('always finds a document the text names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(documentName, { minLength: 1, maxLength: 8 }), fc.nat(), fc.array(word), fc.array(word), gap, gap,
        (names, pick, before, after, g1, g2) => {
          const target = names[pick % names.length]!;
          const text = `${before.join(' ')}${g1}${target}${g2}${after.join(' ')}`;
          expect(findMentioned(text, docs(...names)).map((d) => d.document)).toContain(target);
        }),
    );
  });

  it('never matches a document inside a longer token', () => {
    fc.assert(
      fc.property(documentName, fc.stringMatching(/^[A-Za-z0-9]{1,3}$/), fc.boolean(), fc.array(word),
        (name, extra, atEnd, words) => {
          const longer = atEnd ? `${name}${extra}` : `${extra}${name}`;
          fc.pre(longer.toUpperCase() !== name.toUpperCase());
          const text = `${words.join(' ')} ${longer} ${words.join(' ')}`;
          expect(findMentioned(text, docs(name))).toEqual([]);
        }),
    );
  });
});
