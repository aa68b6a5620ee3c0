// Builds DOM nodes from data without ever parsing HTML: strings always become text nodes.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

export interface Options {
  attrs?: Attributes;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

/** h('a', { attrs: { href: '#/' } }, 'text', child) — false/null/undefined attributes and children are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, options: Options | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(options?.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(options?.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function replaceChildren(element: Element, ...children: Child[]): void {
  clear(element);
  append(element, ...children);
}

/** Announces a short message in the polite status region. */
export function announce(text: string): void {
  const region = document.getElementById('toast');
  if (!region) return;
  region.textContent = text;
  region.classList.add('visible');
  window.clearTimeout(Number(region.dataset.timer));
  region.dataset.timer = String(window.setTimeout(() => region.classList.remove('visible'), 4000));
}
