// Dates and times in the user's locale: absolute dates, and "today at 10:32"-style freshness labels.

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "15 marzo 2026" / "March 15, 2026". */
export function formatDate(value: DateInput, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(toDate(value));
}

/**
 * A date to put after "tra", "entro"…: Italian needs its article, elided before a vowel sound ("il 2 dicembre
 * 2026", "l'8 dicembre 2026", "l'11…"); English takes the date as it is ("December 8, 2026").
 */
export function formatDateWithArticle(value: DateInput, locale: string, timeZone?: string): string {
  const date = formatDate(value, locale, timeZone);
  if (!locale.toLowerCase().startsWith('it')) return date;
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone }).format(toDate(value));
  return day === '8' || day === '11' ? `l'${date}` : `il ${date}`;
}

/** "15/03/2026, 10:32" / "3/15/2026, 10:32 AM". */
export function formatDateTime(value: DateInput, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(toDate(value));
}

/** The time alone when `value` falls on the same calendar day as `now`, else the short date and time. */
export function formatWhen(value: DateInput, locale: string, now: DateInput = Date.now(), timeZone?: string): string {
  const date = toDate(value);
  const dayOf = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  if (dayOf.format(date) === dayOf.format(toDate(now))) {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
  }
  return formatDateTime(date, locale, timeZone);
}
