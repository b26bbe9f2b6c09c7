// Dates an email names ("on the 15th", "next Friday", "end of the month", "15.12.", "Dec 15",
// "nächsten Freitag", "Ende des Monats"), as calendar dates relative to the day the email arrived
// in the company's time zone. chrono-node reads most forms; a few rules add what it misses.
import * as chrono from 'chrono-node';
import { addDays, addMonths, isIsoDate } from '../dates';
import type { IsoDate } from '../types';
import type { Language } from './language';
import type { Span } from './types';

export interface DateMention extends Span {
  date: IsoDate;
}

/** 'future': a promise (ambiguous dates read forward); 'past': a payment already made. */
export type DateDirection = 'future' | 'past';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The next date with this day of the month (this month when still ahead, else the next one). */
function nextDayOfMonth(received: IsoDate, day: number, direction: DateDirection): IsoDate | null {
  const [y, m] = received.split('-').map(Number) as [number, number];
  for (const offset of direction === 'future' ? [0, 1, 2] : [0, -1, -2]) {
    const candidate = addMonths(iso(y, m, 1), offset).slice(0, 8) + pad(day);
    if (isIsoDate(candidate) && (direction === 'future' ? candidate >= received : candidate <= received)) return candidate;
  }
  return null;
}

/** Day and month without a year: the nearest such date in the email's direction. */
function dayMonth(received: IsoDate, day: number, month: number, direction: DateDirection): IsoDate | null {
  const year = Number(received.slice(0, 4));
  for (const y of direction === 'future' ? [year, year + 1] : [year, year - 1]) {
    const candidate = iso(y, month, day);
    if (isIsoDate(candidate) && (direction === 'future' ? candidate >= received : candidate <= received)) return candidate;
  }
  return null;
}

function endOfMonth(received: IsoDate, months: number): IsoDate {
  return addDays(addMonths(`${received.slice(0, 8)}01`, months + 1), -1);
}

/** Friday of the week of `received` (+ weeks); work weeks end on Friday. */
function endOfWeek(received: IsoDate, weeks: number): IsoDate {
  return addDays(received, ((5 - weekdayOf(received) + 7) % 7) + 7 * weeks);
}

type Rule = { pattern: RegExp; date: (m: RegExpExecArray, received: IsoDate, direction: DateDirection) => IsoDate | null };

const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6,
};

/** A weekday already past: the latest such day before the email arrived ("paid on Monday"). */
function lastWeekday(received: IsoDate, weekday: number): IsoDate {
  return addDays(received, -(((weekdayOf(received) - weekday + 7) % 7) || 7));
}

/** Words chrono reads as a date that name none: greetings (German Morgen is also tomorrow) and "now". */
const NOT_DATES = /(?<![\p{L}])(?:guten morgen|good morning|good afternoon|guten tag|now|right now|by now|jetzt|nun)(?![\p{L}])/giu;

const RULES: readonly Rule[] = [
  { pattern: /(?<![\p{L}])(?:today|this morning|this afternoon|heute(?: morgen| vormittag| nachmittag)?)(?![\p{L}])/giu, date: (_, r) => r },
  { pattern: /(?<![\p{L}])(?:yesterday|gestern)(?![\p{L}])/giu, date: (_, r) => addDays(r, -1) },
  { pattern: /(?<![\p{L}])(?:tomorrow|morgen)(?![\p{L}])/giu, date: (_, r) => addDays(r, 1) },
  {
    // A weekday of a payment already made; forward ones ("next Friday") are chrono's.
    pattern: /(?<![\p{L}])(?<!(?:next|this|coming|nächsten|kommenden|diesen) )(?:(?:last|on|am|letzten|vergangenen) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(?![\p{L}])/giu,
    date: (m, r, d) => (d === 'past' ? lastWeekday(r, WEEKDAYS[m[1]!.toLowerCase()]!) : null),
  },
  { pattern: /\b(?:end of (?:the |this )?month|month[- ]end|(?:bis )?(?:zum )?ende (?:des|dieses) monats|monatsende)\b/giu, date: (_, r) => endOfMonth(r, 0) },
  { pattern: /\b(?:end of next month|ende (?:des )?nächsten monats)\b/giu, date: (_, r) => endOfMonth(r, 1) },
  { pattern: /\b(?:end of (?:the |this )?week|ende (?:der|dieser) woche)\b/giu, date: (_, r) => endOfWeek(r, 0) },
  { pattern: /\b(?:end of next week|ende (?:der )?nächsten woche|ende nächster woche)\b/giu, date: (_, r) => endOfWeek(r, 1) },
  {
    // 15.12. without a year (German); the closing dot tells it from an amount such as 15.12 EUR.
    pattern: /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?!\d)/g,
    date: (m, r, d) => dayMonth(r, Number(m[1]), Number(m[2]), d),
  },
  {
    pattern: /\b(?:on|by|before|until|am|bis zum|zum|bis)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|\.)(?!\s*(?:\d|of\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|august|september|oktober|november|dezember))/giu,
    date: (m, r, d) => nextDayOfMonth(r, Number(m[1]), d),
  },
];

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Every date named in `text` (blanked parts excluded by the caller), in text order. Chrono reads
 * against a reference at noon of the received day in the process's local time, so the calendar
 * date it answers does not depend on where the server runs.
 */
export function findDates(text: string, received: IsoDate, language: Language, direction: DateDirection): DateMention[] {
  const found: DateMention[] = [];
  // Spans no date may come from; chrono is kept off them too.
  const blocked: Span[] = [...text.matchAll(NOT_DATES)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const date = rule.date(m as RegExpExecArray, received, direction);
      const span = { start: m.index, end: m.index + m[0].length, text: m[0] };
      if (date && ![...found, ...blocked].some((f) => overlaps(f, span))) found.push({ ...span, date });
    }
  }
  const [y, mo, d] = received.split('-').map(Number) as [number, number, number];
  const reference = new Date(y, mo - 1, d, 12);
  const parser = language === 'de' ? chrono.de : chrono.en;
  for (const result of parser.parse(text, reference, { forwardDate: direction === 'future' })) {
    const span = { start: result.index, end: result.index + result.text.length, text: result.text };
    // A bare number or a time of day is no date; a year alone neither.
    if (!result.start.isCertain('day') && !result.start.isCertain('weekday') && !/month|monat|week|woche/i.test(result.text)) continue;
    if (/^\d+([.:]\d+)?$/.test(result.text.trim())) continue;
    const date = iso(result.start.get('year') ?? y, result.start.get('month') ?? mo, result.start.get('day') ?? d);
    if (!isIsoDate(date) || [...found, ...blocked].some((f) => overlaps(f, span))) continue;
    found.push({ ...span, date });
  }
  return found.sort((a, b) => a.start - b.start);
}
