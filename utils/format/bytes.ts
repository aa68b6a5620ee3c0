// Byte sizes in binary units (KiB, MiB, GiB, TiB) with the locale's decimal separator: "1,5 GiB".

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
/** Keeps a number and its unit on one line. */
export const UNIT_SPACE = '\u00a0';

export interface ByteParts {
  value: number;
  unit: (typeof UNITS)[number];
}

/** Picks the largest unit in which the value is at least 1 (bytes below 1 KiB stay in B). */
export function byteParts(bytes: number): ByteParts {
  const safe = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let index = 0;
  let value = safe;
  while (value >= 1024 && index < UNITS.length - 1) {
    value /= 1024;
    index++;
  }
  return { value, unit: UNITS[index]! };
}

/** "512 MiB", "1 GiB", "1,5 GiB" (it) / "1.5 GiB" (en); one decimal at most, none for whole bytes. */
export function formatBytes(bytes: number, locale: string): string {
  const { value, unit } = byteParts(bytes);
  const digits = unit === 'B' ? 0 : value < 100 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(floorTo(value, digits));
  return `${number}${UNIT_SPACE}${unit}`;
}

/** Truncates instead of rounding, so "used" never looks larger than it is (99.96 % full does not read as the limit). */
function floorTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.floor(value * factor + 1e-9) / factor;
}
