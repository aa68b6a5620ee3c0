// The "Archivio" item in the webmail's own navigation: injected once per navigation list, marked as ours.
import type { WebmailAdapter } from '@/utils/webmail/adapter';

export const NAV_ITEM = 'nav-item';
const HANDLED = 'data-archivio-handled';
const OUR = '[data-archivio]';

/** Our items in `nav` (normally one; the host may have cloned or re-rendered some). */
export function navItemsIn(nav: ParentNode): HTMLElement[] {
  return [...nav.querySelectorAll<HTMLElement>(`[data-archivio="${NAV_ITEM}"]`)];
}

/**
 * Makes sure `nav` holds exactly one "Archivio" item and returns its control. Idempotent: a list already handled
 * keeps its item; a list the host re-rendered (mark gone, or item gone) gets a fresh one.
 */
export function ensureNavItem(
  adapter: WebmailAdapter,
  doc: Document,
  nav: HTMLElement,
  label: string,
  onActivate: (event: Event) => void,
): HTMLElement {
  const existing = navItemsIn(nav);
  for (const extra of existing.slice(1)) extra.remove();
  const kept = existing[0];
  const keptControl = kept?.matches('[data-archivio-control]') ? kept : kept?.querySelector<HTMLElement>('[data-archivio-control]');
  if (kept && keptControl) {
    nav.setAttribute(HANDLED, '');
    return keptControl;
  }
  kept?.remove();
  const { item, control } = adapter.createNavItem(doc, label);
  item.dataset.archivio = NAV_ITEM;
  control.setAttribute('data-archivio-control', '');
  // The accessible name is the label even if the host's markup around it carries another one.
  if (control.textContent?.trim() !== label) control.setAttribute('aria-label', label);
  control.addEventListener('click', (event) => {
    // Modified clicks on a link keep their meaning (new tab opens the archive route there).
    if (event instanceof MouseEvent && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)) return;
    event.preventDefault();
    event.stopPropagation();
    onActivate(event);
  });
  if (adapter.placeNavItem) adapter.placeNavItem(nav, item);
  else nav.append(item);
  nav.setAttribute(HANDLED, '');
  return control;
}

/** Removes our items and marks from `nav`. */
export function removeNavItems(nav: ParentNode): void {
  for (const item of navItemsIn(nav)) item.remove();
  if (nav instanceof Element) nav.removeAttribute(HANDLED);
}

/**
 * The host's controls of a navigation list that point at the current section: their aria-current, or the class the
 * host marks its current item with (`currentClass`, e.g. Roundcube's `selected`).
 */
export function hostCurrentControls(nav: ParentNode, currentClass?: string): HTMLElement[] {
  const selector = currentClass ? '[aria-current], [class]' : '[aria-current]';
  return [...nav.querySelectorAll<HTMLElement>(selector)].filter(
    (control) =>
      !control.closest(OUR) &&
      ((control.hasAttribute('aria-current') && control.getAttribute('aria-current') !== 'false') ||
        (currentClass !== undefined && control.classList.contains(currentClass))),
  );
}

/** Whether a click path went through one of the host's own controls in `nav` (not ours, not one that `stays` allows). */
export function isHostNavClick(path: EventTarget[], nav: HTMLElement, stays?: (control: Element) => boolean): boolean {
  const index = path.indexOf(nav);
  if (index < 0) return false;
  const inside = path.slice(0, index);
  if (inside.some((node) => node instanceof Element && node.getAttribute('data-archivio') === NAV_ITEM)) return false;
  const control = inside.find(
    (node): node is Element => node instanceof Element && node.matches('a, button, [role="menuitem"], [role="link"], [role="tab"]'),
  );
  return control !== undefined && !stays?.(control);
}
