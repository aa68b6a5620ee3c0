// ARIA tabs by event delegation: works for tabs appended later (panels are found through aria-controls).

const tabSelector = '[role="tab"]';

export function tabsOf(tablist: HTMLElement): HTMLElement[] {
  return [...tablist.querySelectorAll<HTMLElement>(tabSelector)].filter((tab) => !tab.hidden && tab.getAttribute('aria-disabled') !== 'true');
}

export function panelOf(tab: HTMLElement): HTMLElement | null {
  const id = tab.getAttribute('aria-controls');
  return id ? document.getElementById(id) : null;
}

export function selectTab(tablist: HTMLElement, selected: HTMLElement): void {
  for (const tab of tablist.querySelectorAll<HTMLElement>(tabSelector)) {
    const isSelected = tab === selected;
    tab.setAttribute('aria-selected', String(isSelected));
    tab.tabIndex = isSelected ? 0 : -1;
    const panel = panelOf(tab);
    if (panel) panel.hidden = !isSelected;
  }
}

export function findTab(tablist: HTMLElement, slug: string): HTMLElement | null {
  return tabsOf(tablist).find((tab) => tab.dataset.tab === slug) ?? null;
}

/** Click and keyboard (arrows, Home, End) handling on the tablist itself; `onSelect` runs after each change. */
export function enableTabs(tablist: HTMLElement, onSelect: (tab: HTMLElement) => void): void {
  tablist.addEventListener('click', (event) => {
    const tab = (event.target as Element | null)?.closest<HTMLElement>(tabSelector);
    if (!tab || !tablist.contains(tab)) return;
    selectTab(tablist, tab);
    onSelect(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const current = (event.target as Element | null)?.closest<HTMLElement>(tabSelector);
    const tabs = tabsOf(tablist);
    if (!current || tabs.length === 0) return;
    const index = tabs.indexOf(current);
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    tab.focus();
    selectTab(tablist, tab);
    onSelect(tab);
  });
}
