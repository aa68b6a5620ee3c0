// Describes a page's structure for a failed-detection report: tag names and whitelisted attributes only — never
// text, never attribute values that could carry mail content or addresses.

export interface OutlineOptions {
  maxDepth?: number;
  maxNodes?: number;
  /** Siblings with the same description beyond this many are summarised as "… ×N". */
  maxRepeats?: number;
}

/** Attributes whose value is kept when it looks like a keyword (letters and dashes). */
const keptValues = new Set([
  'role',
  'type',
  'slot',
  'data-view',
  'data-nav',
  'data-tab',
  'data-column',
  'data-theme',
  'data-role',
  'aria-current',
  'aria-selected',
  'aria-expanded',
  'aria-hidden',
  'aria-modal',
  'aria-haspopup',
]);
/** Attributes whose presence matters but whose value may be personal (labels, addresses, routes). */
const presenceOnly = new Set(['aria-label', 'aria-labelledby', 'aria-controls', 'title', 'href', 'data-account', 'data-mailbox', 'hidden']);
const keyword = /^[a-z][a-z_-]{0,40}$/i;
/** Elements whose children say nothing about the page's layout. */
const opaque = new Set(['script', 'style', 'svg', 'template', 'noscript', 'iframe', 'canvas', 'video', 'audio']);

function describe(element: Element): string {
  let text = element.tagName.toLowerCase();
  const id = element.getAttribute('id');
  if (id) text += keyword.test(id) ? `#${id}` : '#…';
  for (const token of element.classList) if (keyword.test(token) && !token.startsWith('ng-')) text += `.${token}`;
  for (const name of element.getAttributeNames()) {
    const value = element.getAttribute(name) ?? '';
    if (keptValues.has(name)) text += keyword.test(value) ? `[${name}=${value}]` : `[${name}]`;
    else if (presenceOnly.has(name)) text += `[${name}]`;
  }
  return text;
}

/** A censored, indented outline of `root` and the open shadow roots under it. */
export function censoredOutline(root: Element, options: OutlineOptions = {}): string {
  const maxDepth = options.maxDepth ?? 12;
  const maxNodes = options.maxNodes ?? 400;
  const maxRepeats = options.maxRepeats ?? 3;
  const lines: string[] = [];
  let budget = maxNodes;

  const visitChildren = (children: Element[], depth: number) => {
    let previous = '';
    let repeats = 0;
    const flush = () => {
      if (repeats > maxRepeats) lines.push(`${'  '.repeat(depth)}… ×${repeats - maxRepeats} ${previous}`);
    };
    for (const child of children) {
      const description = describe(child);
      if (description === previous) repeats += 1;
      else {
        flush();
        previous = description;
        repeats = 1;
      }
      if (repeats <= maxRepeats) visit(child, depth);
    }
    flush();
  };

  const visit = (element: Element, depth: number) => {
    if (budget <= 0) return;
    budget -= 1;
    const indent = '  '.repeat(depth);
    lines.push(indent + describe(element));
    const tag = element.tagName.toLowerCase();
    if (opaque.has(tag) || depth >= maxDepth) {
      if (element.children.length > 0 && !opaque.has(tag)) lines.push(`${indent}  …`);
      return;
    }
    if (element.shadowRoot) {
      lines.push(`${indent}  #shadow-root`);
      visitChildren([...element.shadowRoot.children], depth + 2);
    }
    visitChildren([...element.children], depth + 1);
  };

  visit(root, 0);
  if (budget <= 0) lines.push('… (truncated)');
  return lines.join('\n');
}

/** Reports that a webmail's anchors were not found, with the censored outline (no text, no mail content). */
export function reportDetectionFailure(adapterId: string, missing: string[], doc: Document): void {
  const outline = doc.body ? censoredOutline(doc.body) : '(no body)';
  console.warn(`[Archivio] webmail "${adapterId}": not found: ${missing.join(', ')}. Fallback launcher shown.\n${outline}`);
}
