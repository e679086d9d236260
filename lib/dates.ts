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

/** The due date a send form suggests: 30 days from today (UTC), as YYYY-MM-DD. */
export function getDefaultDueDate(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
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

// --- Dates as people read them ------------------------------------------------------------
// One format per locale, defined here and nowhere else: pages, widgets, PDFs and emails all
// call formatDate. The app has one locale, and its dates read as ISO 8601 days (2026-03-01):
// the engine's explanations, the vendors' answers, date inputs and the CSV export already read
// that way, so a page never mixes "1 Mar 2026" with "2026-03-01".

export const DATE_LOCALES = ["en-GB"] as const;
export type TDateLocale = (typeof DATE_LOCALES)[number];

// Made once: building an Intl formatter per call cost more than the rest of the dashboard's
// rendering put together (bench:dashboard).
const MONTH_FORMATS: Record<
  TDateLocale,
  { withYear: Intl.DateTimeFormat; plain: Intl.DateTimeFormat }
> = {
  "en-GB": {
    withYear: new Intl.DateTimeFormat("en-GB", {
      month: "short",
      year: "2-digit",
      timeZone: "UTC",
    }),
    plain: new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }),
  },
};
const DAY_FORMATS: Record<TDateLocale, (date: Date) => string> = {
  "en-GB": (date) => formatIsoDate({ date: toCalendarDate(date) }),
};

const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

export type TFormatDateOptions = { empty?: string; locale?: TDateLocale };

/** A calendar day (UTC) as people read it, e.g. "2026-03-01"; `empty` (—) when there is none. */
export function formatDate(
  d: Date | string | null | undefined,
  { empty = "—", locale = "en-GB" }: TFormatDateOptions = {},
): string {
  if (!d) return empty;
  const date = asDate(d);
  return Number.isNaN(date.getTime()) ? empty : DAY_FORMATS[locale](date);
}

/** A month for chart axes and their summaries: "Mar 26", or "Mar" where the year is plain. */
export function formatMonth(
  d: Date | string,
  { year = true, locale = "en-GB" }: { year?: boolean; locale?: TDateLocale } = {},
): string {
  const f = MONTH_FORMATS[locale];
  return (year ? f.withYear : f.plain).format(asDate(d));
}
