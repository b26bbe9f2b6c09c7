// Only the customer's own documents are found, by their number in any spelling.
import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../../../server/domain/drafts/documents';

const own = [{ document: 'INV-100412' }, { document: 'INV-100437' }, { document: 'CN-100020' }];
const found = (text: string) => findDocuments(text, own).map((m) => `${m.transaction.document}@${m.start}:${m.text}`);

describe('findDocuments', () => {
  it('finds a document in any case and separator, with the prefix as a word, or by its bare number', () => {
    expect(found('pay INV-100412')).toEqual(['INV-100412@4:INV-100412']);
    expect(found('inv 100412, inv100437')).toEqual(['INV-100412@0:inv 100412', 'INV-100437@12:inv100437']);
    expect(found('invoice 100437.')).toEqual(['INV-100437@8:100437']);
  });

  it('splits two documents joined by a slash', () => {
    expect(found('INV-100412/100437')).toEqual(['INV-100412@0:INV-100412', 'INV-100437@11:100437']);
  });

  it("never finds another customer's number, a longer number or a short one", () => {
    expect(found('INV-100418 and INV-1004120 and 412')).toEqual([]);
  });
});
