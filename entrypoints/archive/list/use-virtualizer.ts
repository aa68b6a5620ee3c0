// Preact binding of @tanstack/virtual-core: fixed-height rows, only those in view (plus overscan) are rendered.
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect, type VirtualizerOptions } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** Used when the scroll box has no size yet (hidden, or a DOM without layout): a screenful of rows is enough. */
const FALLBACK_HEIGHT = 640;

type Options = Pick<VirtualizerOptions<HTMLElement, HTMLElement>, 'count' | 'getScrollElement' | 'estimateSize' | 'overscan'>;

const observeRect: VirtualizerOptions<HTMLElement, HTMLElement>['observeElementRect'] = (instance, callback) =>
  observeElementRect(instance, (rect) =>
    callback({ width: rect.width, height: rect.height || instance.scrollElement?.clientHeight || FALLBACK_HEIGHT }),
  );

export function useVirtualizer(options: Options): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    observeElementRect: observeRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    initialRect: { width: 0, height: FALLBACK_HEIGHT },
    ...options,
    onChange: () => rerender(undefined),
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), [instance]);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
