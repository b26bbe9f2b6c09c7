// Dates named in English and German, relative to the day the email arrived.
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../../server/domain/drafts/dates';

// A Friday.
const RECEIVED = '2026-12-04';
const future = (text: string, language: 'en' | 'de' = 'en') => findDates(text, RECEIVED, language, 'future').map((d) => d.date);
const past = (text: string, language: 'en' | 'de' = 'en') => findDates(text, RECEIVED, language, 'past').map((d) => d.date);

describe('findDates', () => {
  it('reads the forms customers write in English', () => {
    expect(future('we will pay on the 15th')).toEqual(['2026-12-15']);
    expect(future('in next Friday’s run')).toEqual(['2026-12-11']);
    expect(future('by the end of the month')).toEqual(['2026-12-31']);
    expect(future('by end of next week')).toEqual(['2026-12-11']);
    expect(future('on Dec 15')).toEqual(['2026-12-15']);
    expect(future('on 12/18')).toEqual(['2026-12-18']);
    expect(future('tomorrow')).toEqual(['2026-12-05']);
    expect(future('on the 2nd')).toEqual(['2027-01-02']);
  });

  it('reads the same forms in German', () => {
    expect(future('am 15.12. überweisen', 'de')).toEqual(['2026-12-15']);
    expect(future('nächsten Freitag', 'de')).toEqual(['2026-12-11']);
    expect(future('bis Ende des Monats', 'de')).toEqual(['2026-12-31']);
    expect(future('am 18. Dezember', 'de')).toEqual(['2026-12-18']);
    expect(future('morgen', 'de')).toEqual(['2026-12-05']);
    expect(future('in zwei Wochen', 'de')).toEqual(['2026-12-18']);
    expect(future('am 3.1.', 'de')).toEqual(['2027-01-03']);
  });

  it('reads past dates backwards for payments already made', () => {
    expect(past('we paid last Friday')).toEqual(['2026-11-27']);
    expect(past('paid on Monday')).toEqual(['2026-11-30']);
    expect(past('yesterday')).toEqual(['2026-12-03']);
    expect(past('am 30.11. überwiesen', 'de')).toEqual(['2026-11-30']);
    expect(past('gestern', 'de')).toEqual(['2026-12-03']);
  });

  it('reads no date from greetings, amounts or document numbers', () => {
    expect(future('Guten Morgen, 15.12 EUR für INV-100412', 'de')).toEqual([]);
    expect(future('Good morning, 1,250.00 USD')).toEqual([]);
    expect(future('It has now been approved for Friday, December 11.')).toEqual(['2026-12-11']);
  });

  it('gives the span of the words', () => {
    expect(findDates('We will pay on the 15th.', RECEIVED, 'en', 'future')[0]).toMatchObject({ start: 12, end: 23, text: 'on the 15th' });
  });
});
