// jsdom has no layout: give scroll boxes a height and a working scrollTop/scrollTo, as a browser would.
export function installLayoutShim(height = 600): () => void {
  const proto = HTMLElement.prototype as HTMLElement & { scrollTo(options?: ScrollToOptions | number, y?: number): void };
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
    scrollTop: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop'),
    scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
    scrollTo: proto.scrollTo,
  };
  const tops = new WeakMap<Element, number>();
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => height });
  // Content height = the tallest child's inline height (the virtual list's spacer), at least the box.
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      const child = this.firstElementChild as HTMLElement | null;
      return Math.max(height, parseFloat(child?.style?.height ?? '') || 0);
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return tops.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      tops.set(this, value);
    },
  });
  proto.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number, y?: number) {
    this.scrollTop = typeof options === 'number' ? (y ?? 0) : (options?.top ?? 0);
    this.dispatchEvent(new Event('scroll'));
  };
  return () => {
    if (saved.clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', saved.clientHeight);
    if (saved.scrollTop) Object.defineProperty(Element.prototype, 'scrollTop', saved.scrollTop);
    if (saved.scrollHeight) Object.defineProperty(Element.prototype, 'scrollHeight', saved.scrollHeight);
    proto.scrollTo = saved.scrollTo;
  };
}
