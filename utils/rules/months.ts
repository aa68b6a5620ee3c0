// Month folders ("inbox-YYYY-MM") named in the user's language, e.g. "novembre 2026". Which month a message belongs
// to is the provider's call (its time zone, Europe/Rome): the extension never groups dates into months itself.

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthLabel(month: string, locale: string): string {
  const match = MONTH_KEY.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
