// Finds elements through open shadow roots (custom-element webmails hide their anchors in them), scoped and bounded.

/** Every element under `root`, light DOM and open shadow roots, depth first; stops after `limit` elements. */
function* walk(root: ParentNode, limit: number): Generator<Element> {
  const stack: ParentNode[] = [root];
  let seen = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index]!;
      // <template> content is inert; declarative shadow roots are already attached by the parser.
      stack.push(child);
    }
    if (node instanceof Element) {
      seen += 1;
      if (seen > limit) return;
      yield node;
      if (node.shadowRoot) stack.push(node.shadowRoot);
    }
  }
}

const DEFAULT_LIMIT = 20_000;

/** The first element matching `selector` under `root`, looking inside open shadow roots too. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string, limit = DEFAULT_LIMIT): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const element of walk(root, limit)) {
    const shadow = element.shadowRoot;
    if (!shadow) continue;
    const found = shadow.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matching `selector` under `root` and inside its open shadow roots, in document order per root. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string, limit = DEFAULT_LIMIT): T[] {
  const found: T[] = [];
  for (const element of walk(root, limit)) if (element.matches(selector)) found.push(element as T);
  return found;
}

/** The first element under `root` (shadow roots included) that matches `selector` and passes `accept`. */
export function deepFind<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
  accept: (element: T) => boolean,
  limit = DEFAULT_LIMIT,
): T | null {
  for (const element of walk(root, limit)) if (element.matches(selector) && accept(element as T)) return element as T;
  return null;
}

/** Tries each selector in order (newest markup first) and returns the first hit. */
export function deepQueryFirst<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const selector of selectors) {
    const found = deepQuery<T>(root, selector);
    if (found) return found;
  }
  return null;
}

/** The shadow roots on the way down to `element` (where an observer must look to see it change). */
export function shadowRootsAbove(element: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    roots.push(root);
    root = root.host.getRootNode();
  }
  return roots;
}
