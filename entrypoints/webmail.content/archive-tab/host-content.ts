// Hides the webmail's own content while the archive shows (never removes it) and puts it back exactly as it was.

const HIDDEN = 'data-archivio-hidden';

interface SavedDisplay {
  value: string;
  priority: string;
}

const saved = new WeakMap<HTMLElement, SavedDisplay>();

/** Hides every child of `area` but those in `keep`; children hidden earlier are left alone, new ones are hidden too. */
export function hideHostContent(area: HTMLElement, keep: readonly Element[]): void {
  for (const child of area.children) {
    if (keep.includes(child) || !(child instanceof HTMLElement) || child.hasAttribute(HIDDEN)) continue;
    saved.set(child, { value: child.style.getPropertyValue('display'), priority: child.style.getPropertyPriority('display') });
    child.setAttribute(HIDDEN, '');
    // Inline and important: the host's own stylesheet must not show it again while the archive is open.
    child.style.setProperty('display', 'none', 'important');
  }
}

/** Shows again what `hideHostContent` hid under `root` (the area, or the whole document after a re-render). */
export function showHostContent(root: ParentNode): void {
  for (const child of root.querySelectorAll<HTMLElement>(`[${HIDDEN}]`)) {
    const previous = saved.get(child);
    child.removeAttribute(HIDDEN);
    if (previous && previous.value) child.style.setProperty('display', previous.value, previous.priority);
    else child.style.removeProperty('display');
    if (child.getAttribute('style') === '') child.removeAttribute('style');
    saved.delete(child);
  }
}
