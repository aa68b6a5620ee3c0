// The colour scheme a frame is told to use: the webmail's own light or dark theme.
export type ColorScheme = 'light' | 'dark';

export function parseColorScheme(value: unknown): ColorScheme | null {
  return value === 'light' || value === 'dark' ? value : null;
}
