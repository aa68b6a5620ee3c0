// Plain numbers, percentages and plural choice in the user's locale.

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A 0..1 ratio as a whole percentage ("85 %" in it-IT, "85%" in en); below 1 % but above 0 shows "< 1 %". */
export function formatPercent(ratio: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  if (ratio > 0 && ratio < 0.01) return `< ${format.format(0.01)}`;
  // Floor, so 99.6 % does not read as "100 %" before the archive is really full.
  return format.format(Math.floor(Math.max(0, Math.min(1, ratio)) * 100) / 100);
}

/** The key of a pluralized message: `<base>_one` or `<base>_other`, by the locale's plural rules. */
export function pluralKey(base: string, count: number, locale: string): string {
  return new Intl.PluralRules(locale).select(count) === 'one' ? `${base}_one` : `${base}_other`;
}
