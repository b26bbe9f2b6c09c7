// Request values the routes share: dates from the query string or a body (checked beyond Ajv's format so the
// domain's date arithmetic stays in range) and today's date in the company's time zone.
import { isIsoDate, todayIn } from '../domain/dates';
import type { IsoDate } from '../domain/types';
import { AppError } from './errors';
// Wide enough for any real ledger, narrow enough that a year of history before it stays a valid date.
import { EARLIEST_DATE as EARLIEST, LATEST_DATE as LATEST } from './schemas/common';

/** A query-string date, or `fallback` when absent; a 400 naming the parameter otherwise. */
export function queryDate(value: string | undefined, field: string, fallback: IsoDate): IsoDate {
  return checkedDate(value, field, fallback, 'querystring');
}

/** A date from a JSON body (e.g. a letter date), held to the same range as query dates. */
export function bodyDate(value: string | undefined, field: string, fallback: IsoDate): IsoDate {
  return checkedDate(value, field, fallback, 'body');
}

function checkedDate(value: string | undefined, field: string, fallback: IsoDate, place: 'querystring' | 'body'): IsoDate {
  if (value === undefined) return fallback;
  if (!isIsoDate(value) || value < EARLIEST || value > LATEST) {
    throw new AppError(
      'invalid_request',
      400,
      `${place === 'body' ? 'Field' : 'Query parameter'} '${field}' must be a calendar date YYYY-MM-DD between ${EARLIEST} and ${LATEST}.`,
      { in: place, fields: [{ field, problem: 'is not a valid date' }] },
    );
  }
  return value;
}

export function today(timeZone: string): IsoDate {
  return todayIn(timeZone, new Date());
}
