// The one date toolkit of the app: the engine, the data layer and components all use it.
// Calendar dates as plain numbers, never JS Date objects: time zones and DST must not
// shift a "YYYY-MM-DD" answer by a day, and integer comparisons keep the engine fast.
// Where a Date is stored (due dates, expiries), its calendar day is taken in UTC.

export type TCalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export type TDaysInMonthInput = { year: number; month: number };

export function getDaysInMonth({ year, month }: TDaysInMonthInput): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export type TParseIsoDateInput = { text: string };

/** Parses a real calendar date written YYYY-MM-DD; null for anything else (2021-02-30 too). */
export function parseIsoDate({ text }: TParseIsoDateInput): TCalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > getDaysInMonth({ year, month })) return null;
  return { year, month, day };
}

export function isValidIsoDate({ text }: TParseIsoDateInput): boolean {
  return parseIsoDate({ text }) !== null;
}

export type TFormatIsoDateInput = { date: TCalendarDate };

export function formatIsoDate({ date }: TFormatIsoDateInput): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export type TAddCalendarMonthsInput = { date: TCalendarDate; months: number };

/** Adds whole calendar months, clamping to the month's last day (Jan 31 + 1 = Feb 28/29). */
export function addCalendarMonths({ date, months }: TAddCalendarMonthsInput): TCalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(date.day, getDaysInMonth({ year, month }));
  return { year, month, day };
}

/** A sortable integer for a date (not a day count: only for ordering and equality). */
export function toSortKey(date: TCalendarDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

export type TAgeInput = { date: TCalendarDate; asOf: TCalendarDate };

/**
 * Whole calendar months elapsed: the largest N with asOf >= date + N months. Because
 * date + N months never decreases as N grows, "older than N months" is exactly
 * age >= N. A date after asOf has age 0, as if it were asOf itself.
 */
export function getAgeInMonths({ date, asOf }: TAgeInput): number {
  if (toSortKey(date) >= toSortKey(asOf)) return 0;
  const months = (asOf.year - date.year) * 12 + (asOf.month - date.month);
  const landing = addCalendarMonths({ date, months });
  return toSortKey(landing) > toSortKey(asOf) ? months - 1 : months;
}

export type TIsOlderThanMonthsInput = TAgeInput & { months: number };

/** True when asOf is on or after date + months (the contract's "older than N months"). */
export function isOlderThanMonths({ date, asOf, months }: TIsOlderThanMonthsInput): boolean {
  return getAgeInMonths({ date, asOf }) >= months;
}

/** Today's date in UTC as YYYY-MM-DD: the default "as of" of the engine, submit and the CLI. */
export function getTodayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The UTC calendar day of a stored Date. */
export function toCalendarDate(date: Date): TCalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Midnight UTC of a calendar day, as stored in date columns. */
export function fromCalendarDate(date: TCalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

/** A stored Date plus whole calendar months (UTC day, clamped: Jan 31 + 1 month = Feb 28/29). */
export function addMonthsUtc(date: Date, months: number): Date {
  return fromCalendarDate(addCalendarMonths({ date: toCalendarDate(date), months }));
}
