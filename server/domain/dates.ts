// Calendar dates as 'YYYY-MM-DD' strings: validation and day/month arithmetic on whole days
// (proleptic Gregorian, no time zones), plus today's date in a named time zone.
import type { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Read digit by digit rather than with the regex: it runs for every entry of every summary.
function parts(date: IsoDate): [number, number, number] {
  let value = 0;
  const numbers: number[] = [];
  for (let i = 0; i <= 10; i += 1) {
    if (i === 4 || i === 7 || i === 10) {
      numbers.push(value);
      value = 0;
      if (i === 10 ? date.length === 10 : date[i] === '-') continue;
      throw new RangeError(`'${date}' is not a YYYY-MM-DD date.`);
    }
    const digit = date.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) throw new RangeError(`'${date}' is not a YYYY-MM-DD date.`);
    value = value * 10 + digit;
  }
  return numbers as [number, number, number];
}

/** True only for a real calendar date written as YYYY-MM-DD ('2026-02-30' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000–9999.`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days since 1970-01-01, by H. Hinnant's days_from_civil: integer arithmetic, no Date objects, so
// summaries over large ledgers stay cheap.
function toEpochDay(date: IsoDate): number {
  const [y, m, d] = parts(date);
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (to − from): positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Adds calendar months; a day past the end of the target month clamps to its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

// Building an Intl.DateTimeFormat costs more than a whole summary of a small customer, and every
// request asks for today: one formatter per time zone, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date at instant `now` in an IANA time zone; throws RangeError for an unknown zone. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const formatter = formatterFor(timeZone);
  const found = formatter.formatToParts(now);
  const value = (type: string): number => Number(found.find((p) => p.type === type)?.value);
  return format(value('year'), value('month'), value('day'));
}
