// The page's colour scheme: the one the webmail passes in the fragment, else the system's, kept up to date.
import { readHash } from '@/utils/frames/archive-url';
import type { ColorScheme } from '@/utils/frames/scheme';

export function currentScheme(hash: string, prefersDark: boolean): ColorScheme {
  return readHash(hash).scheme ?? (prefersDark ? 'dark' : 'light');
}

/** Applies the scheme to `<html data-theme>` now and whenever the fragment or the system preference changes. */
export function followColorScheme(win: Window): () => void {
  const query = win.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    const scheme = currentScheme(win.location.hash, query?.matches ?? false);
    win.document.documentElement.dataset.theme = scheme;
    win.document.documentElement.style.colorScheme = scheme;
  };
  apply();
  win.addEventListener('hashchange', apply);
  query?.addEventListener?.('change', apply);
  return () => {
    win.removeEventListener('hashchange', apply);
    query?.removeEventListener?.('change', apply);
  };
}
