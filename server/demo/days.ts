// Calendar dates as day numbers (days since 1970-01-01) inside the generator: millions of entries
// need cheap comparisons and additions; dates become 'YYYY-MM-DD' only when written out.
import type { IsoDate } from '../domain/types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  if (new Date(ms).getUTCDate() !== d) throw new Error(`Not a calendar date: ${date}`);
  return ms / MS_PER_DAY;
}

export function fromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonthsDay(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const t = new Date(target);
  const lastDay = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
