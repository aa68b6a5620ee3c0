// A message's HTML through DOMPurify with the product's allowlist: no scripts, frames, forms or handlers; every URL
// re-serialized from its parsed form (never one that resolves to our own pages); remote content only with consent.
import DOMPurify, { type UponSanitizeAttributeHookEvent } from 'dompurify';
import { sanitizeCss, type BlockCounter } from './css';
import { linkUrl, parseMailUrl, remoteUrl } from './urls';

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

/** Dropped with everything inside them. */
const DROP = [
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
];

/** Kept, with their allowed attributes; anything else not dropped is unwrapped (its content stays). */
const KEEP = [
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
];

const ATTRIBUTES = [
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
];

/** Attributes holding URLs: each is checked and rewritten by our hook, then DOMPurify checks the result again. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'background', 'usemap'];

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
  const counter: BlockCounter = { blocked: 0 };
  const blocked = new WeakSet<Element>();
  const purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style') node.textContent = sanitizeCss(node.textContent ?? '', options, counter);
  });
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'style') data.attrValue = sanitizeCss(data.attrValue, options, counter);
    else if (URL_ATTRIBUTES.includes(data.attrName)) rewriteUrlAttribute(node, data, options, counter, blocked);
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (blocked.has(node)) {
      node.setAttribute('data-archivio-blocked', '');
      if (node.localName === 'img' && !node.hasAttribute('src')) node.setAttribute('src', BLOCKED_IMAGE);
    }
    if ((node.localName === 'a' || node.localName === 'area') && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const clean = purifier.sanitize(html, {
    ALLOWED_TAGS: KEEP,
    ALLOWED_ATTR: [...ATTRIBUTES, ...URL_ATTRIBUTES],
    ALLOW_ARIA_ATTR: true,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // DOMPurify accepts data: only in src and href; a data: image as a background has passed our own check above.
    ADD_URI_SAFE_ATTR: ['background'],
    ADD_FORBID_CONTENTS: DROP,
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
  });
  return { doc: intoFreshDocument(clean), blockedRemote: counter.blocked };
}

/** The sanitized tree in a document of its own, the message's body content wrapped in `div.archivio-mail`. */
function intoFreshDocument(clean: Node): Document {
  const doc = document.implementation.createHTMLDocument('');
  const source = clean.ownerDocument ?? document;
  for (const style of Array.from(source.head?.querySelectorAll('style') ?? [])) doc.head.append(doc.importNode(style, true));
  const body = (clean as Element).querySelector?.('body') ?? source.body;
  // The message's own <body> attributes (bgcolor, text, background) stay on the body, where browsers honour them.
  for (const attribute of Array.from(body?.attributes ?? [])) doc.body.setAttribute(attribute.name, attribute.value);
  const root = doc.createElement('div');
  root.className = 'archivio-mail';
  for (const child of Array.from(body?.childNodes ?? [])) root.append(doc.importNode(child, true));
  doc.body.append(root);
  return doc;
}

function rewriteUrlAttribute(
  node: Element,
  data: UponSanitizeAttributeHookEvent,
  options: SanitizeOptions,
  counter: BlockCounter,
  blocked: WeakSet<Element>,
) {
  const name = node.localName;
  const value = data.attrValue;
  const drop = () => {
    data.keepAttr = false;
  };
  const keep = (url: string) => {
    // Written back by DOMPurify after its own URI check (`forceKeepAttr` would keep the raw value instead).
    data.attrValue = url;
  };
  switch (data.attrName) {
    case 'href': {
      const url = name === 'a' || name === 'area' ? linkUrl(value) : null;
      return url ? keep(url) : drop();
    }
    case 'usemap':
      return name === 'img' && /^#[\w-]{1,64}$/.test(value) ? keep(value) : drop();
    case 'src':
    case 'background': {
      if (data.attrName === 'src' && name !== 'img') return drop();
      const url = imageUrl(value, options);
      if (url === 'blocked') {
        counter.blocked++;
        blocked.add(node);
        return data.attrName === 'src' ? keep(BLOCKED_IMAGE) : drop();
      }
      return url ? keep(url) : drop();
    }
    case 'srcset': {
      if (name !== 'img') return drop();
      const set = imageSet(value, options);
      if (set === 'blocked') {
        counter.blocked++;
        blocked.add(node);
        return drop();
      }
      return set ? keep(set) : drop();
    }
    default:
      return drop();
  }
}

/** An image URL as the frame may load it, 'blocked' for a remote one before consent, null for anything else. */
function imageUrl(value: string, options: SanitizeOptions): string | 'blocked' | null {
  const url = parseMailUrl(value);
  if (url.kind === 'data-image' || url.kind === 'cid') return url.href;
  if (url.kind !== 'remote') return null;
  return options.allowRemote ? remoteUrl(value) : 'blocked';
}

function imageSet(value: string, options: SanitizeOptions): string | 'blocked' | null {
  const candidates = value
    .split(',')
    .map((candidate) => candidate.trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (const candidate of candidates) {
    const [raw = '', ...descriptor] = candidate.split(/\s+/);
    const url = imageUrl(raw, options);
    if (url === 'blocked') return 'blocked';
    const size = descriptor.join(' ');
    if (url && /^[\d.]*[wx]?$/.test(size)) kept.push(`${url}${size ? ` ${size}` : ''}`);
  }
  return kept.length > 0 ? kept.join(', ') : null;
}
