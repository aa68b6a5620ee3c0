// Rebuilds a message's HTML from an allowlist: no scripts, frames, forms or handlers; remote content only with consent.
import { sanitizeCss, type BlockCounter } from './css';
import { classifyUrl, linkUrl, remoteUrl } from './urls';

export interface SanitizeOptions {
  /** The user chose "Mostra contenuti esterni" for this message. */
  allowRemote: boolean;
}

export interface SanitizedMail {
  /** A fresh document holding only what passed: styles in its head, the message in its body. */
  doc: Document;
  /** How many remote references were replaced by a placeholder (0 when remote content was allowed). */
  blockedRemote: number;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const MAX_DEPTH = 200;

/** Dropped with everything inside them. */
const DROP = new Set([
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'portal',
  'base',
  'link',
  'meta',
  'title',
  'svg',
  'math',
  'audio',
  'video',
  'source',
  'track',
  'canvas',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'output',
  'keygen',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'dialog',
  'slot',
]);

/** Kept, with their allowed attributes; anything else not dropped is unwrapped (its content stays). */
const KEEP = new Set([
  'a',
  'abbr',
  'address',
  'area',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'figcaption',
  'figure',
  'font',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'legend',
  'li',
  'main',
  'map',
  'mark',
  'nav',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
  'style',
]);

const ATTRIBUTES = new Set([
  'style',
  'class',
  'id',
  'name',
  'title',
  'lang',
  'dir',
  'align',
  'valign',
  'bgcolor',
  'color',
  'face',
  'size',
  'width',
  'height',
  'border',
  'cellpadding',
  'cellspacing',
  'colspan',
  'rowspan',
  'nowrap',
  'hspace',
  'vspace',
  'clear',
  'alt',
  'start',
  'type',
  'reversed',
  'span',
  'scope',
  'headers',
  'abbr',
  'summary',
  'role',
  'datetime',
  'open',
  'value',
  'frame',
  'rules',
  'noshade',
  'compact',
  'shape',
  'coords',
  'text',
  'link',
  'vlink',
  'alink',
]);

/**
 * A neutral picture standing in for a blocked remote image (a constant: nothing from the message). It has no
 * size of its own, so it takes the box the message gave the image (a 600×120 banner stays 600×120, a tracking
 * pixel stays 1×1) with a small picture sign in the middle.
 */
export const BLOCKED_IMAGE =
  'data:image/svg+xml;base64,' +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="#eef2f6"/>' +
      '<svg x="50%" y="50%" overflow="visible"><path transform="translate(-9,-7)" d="M0 14l5-6 4 5 3-3 6 4z" fill="#a9b6c3"/></svg></svg>',
  );

export function sanitizeMailHtml(html: string, options: SanitizeOptions): SanitizedMail {
  const source = new DOMParser().parseFromString(html, 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  const counter: BlockCounter = { blocked: 0 };
  const root = doc.createElement('div');
  root.className = 'archivio-mail';
  // The message's own <body> attributes (bgcolor, text, background) stay on the body, where browsers honour them.
  copyAttributes(source.body, doc.body, options, counter);
  doc.body.append(root);
  for (const style of Array.from(source.head.querySelectorAll('style'))) {
    const clean = doc.createElement('style');
    clean.textContent = sanitizeCss(style.textContent ?? '', options, counter);
    doc.head.append(clean);
  }
  copyChildren(source.body, root, doc, options, counter);
  return { doc, blockedRemote: counter.blocked };
}

/** Walks the message without recursion (a hostile message may nest elements thousands deep). */
function copyChildren(from: Node, into: Element, doc: Document, options: SanitizeOptions, counter: BlockCounter): void {
  const stack: { node: Node; parent: Element; depth: number }[] = [];
  const pushChildren = (node: Node, parent: Element, depth: number) => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, parent, depth });
  };
  pushChildren(from, into, 0);
  while (stack.length > 0) {
    const { node, parent, depth } = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      parent.append(doc.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions, CDATA
    const element = node as Element;
    const name = element.localName.toLowerCase();
    if (element.namespaceURI !== HTML_NS || DROP.has(name)) continue;
    if (name === 'style') {
      const style = doc.createElement('style');
      style.textContent = sanitizeCss(element.textContent ?? '', options, counter);
      parent.append(style);
      continue;
    }
    if (!KEEP.has(name) || depth >= MAX_DEPTH) {
      pushChildren(element, parent, depth);
      continue;
    }
    const copy = doc.createElement(name);
    copyAttributes(element, copy, options, counter);
    parent.append(copy);
    pushChildren(element, copy, depth + 1);
  }
}

function copyAttributes(from: Element, to: Element, options: SanitizeOptions, counter: BlockCounter): void {
  const name = to.localName;
  for (const attribute of Array.from(from.attributes)) {
    const key = attribute.name.toLowerCase();
    const value = attribute.value;
    if (key === 'style') to.setAttribute('style', sanitizeCss(value, options, counter));
    else if (ATTRIBUTES.has(key) || /^aria-[a-z]+$/.test(key)) to.setAttribute(key, value);
    else if (key === 'href' && (name === 'a' || name === 'area')) setLink(to, value);
    else if (key === 'src' && name === 'img') setImage(to, 'src', value, options, counter);
    else if (key === 'background') setImage(to, 'background', value, options, counter);
    else if (key === 'srcset' && name === 'img') setSrcset(to, value, options, counter);
    else if (key === 'usemap' && name === 'img' && value.startsWith('#')) to.setAttribute('usemap', value);
  }
}

/** Links open outside the frame, in a new tab without a referrer; only web, mail and phone links survive. */
function setLink(to: Element, href: string): void {
  const kind = classifyUrl(href);
  if (kind === 'fragment') to.setAttribute('href', href);
  if (kind !== 'remote' && kind !== 'link') return;
  to.setAttribute('href', kind === 'remote' ? (linkUrl(href) ?? '#') : href.trim());
  to.setAttribute('target', '_blank');
  to.setAttribute('rel', 'noopener noreferrer');
}

function setImage(to: Element, attribute: 'src' | 'background', value: string, options: SanitizeOptions, counter: BlockCounter): void {
  const kind = classifyUrl(value);
  if (kind === 'data-image' || kind === 'cid') {
    to.setAttribute(attribute, value.trim());
  } else if (kind === 'remote') {
    const url = remoteUrl(value);
    if (options.allowRemote && url) {
      to.setAttribute(attribute, url);
    } else if (!options.allowRemote) {
      counter.blocked++;
      to.setAttribute('data-archivio-blocked', '');
      if (attribute === 'src') to.setAttribute('src', BLOCKED_IMAGE);
    }
  }
}

function setSrcset(to: Element, value: string, options: SanitizeOptions, counter: BlockCounter): void {
  const candidates = value
    .split(',')
    .map((candidate) => candidate.trim())
    .filter(Boolean);
  const remote = candidates.some((candidate) => classifyUrl(candidate.split(/\s+/)[0] ?? '') === 'remote');
  if (remote && !options.allowRemote) {
    counter.blocked++;
    to.setAttribute('data-archivio-blocked', '');
    if (!to.hasAttribute('src')) to.setAttribute('src', BLOCKED_IMAGE);
    return;
  }
  const kept = candidates.flatMap((candidate) => {
    const [url = '', ...descriptor] = candidate.split(/\s+/);
    const safe = classifyUrl(url) === 'remote' ? remoteUrl(url) : classifyUrl(url) === 'data-image' ? url : null;
    const size = descriptor.join(' ');
    return safe && /^[\d.]*[wx]?$/.test(size) ? [`${safe}${size ? ` ${size}` : ''}`] : [];
  });
  if (kept.length > 0) to.setAttribute('srcset', kept.join(', '));
}
