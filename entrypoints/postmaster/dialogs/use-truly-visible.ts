// Whether the user can really see an element: Chrome's IntersectionObserver v2 reports `isVisible` false when the
// element, or the frame it lives in, is hidden by opacity, filters, transforms or something drawn over it — which is
// how a page would trick a postmaster into clicking a destructive button it cannot see (clickjacking).
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Browsers without visibility tracking (Firefox today) report true: the typed confirmation still stands guard. */
export function useTrulyVisible(ref: RefObject<HTMLElement | null>): boolean {
  const tracks = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
  const [visible, setVisible] = useState(!tracks);
  useEffect(() => {
    const element = ref.current;
    if (!tracks || !element) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (entry) setVisible(entry.isVisible === true);
      },
      // The visibility fields of the v2 API; `delay` of at least 100 ms is required for them.
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, tracks]);
  return visible;
}
