// Light/dark scheme on <html data-theme>: follows prefers-color-scheme unless the user picked one in Impostazioni.

export type ThemeChoice = 'auto' | 'light' | 'dark';

const storageKey = 'webmail-theme';
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export function themeChoice(): ThemeChoice {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // storage disabled: the system preference applies
  }
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}

export function applyTheme(): void {
  const choice = themeChoice();
  const theme = choice === 'auto' ? (darkQuery.matches ? 'dark' : 'light') : choice;
  document.documentElement.setAttribute('data-theme', theme);
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'auto') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, choice);
  } catch {
    // not persisted, still applied for this page
  }
  const theme = choice === 'auto' ? (darkQuery.matches ? 'dark' : 'light') : choice;
  document.documentElement.setAttribute('data-theme', theme); // applied even when storage is unavailable
}

export function watchSystemTheme(): void {
  darkQuery.addEventListener('change', applyTheme);
  applyTheme();
}
