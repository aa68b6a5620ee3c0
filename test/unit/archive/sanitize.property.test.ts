// Properties of the message sanitizer for arbitrary HTML built from hostile pieces: it never throws, a second pass
// changes nothing, and nothing in its output can run, fetch before consent, or lead to the extension's pages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeMailHtml } from '@/entrypoints/archive/reader/sanitize';

/** Schemes that must never pass (script, html data, svg data) beside those that may (image data, cid, mail). */
const SCHEMES = ['javascript:', 'JaVa\tScRiPt:', 'vbscript:', 'data:text/html,', 'data:image/png,', 'data:image/svg+xml,', 'cid:', 'mailto:'];

const PIECES = [
  '<script>alert(1)</script>',
  '<img src=',
  '<img srcset="',
  '<a href="',
  '<area href=',
  '<body background=',
  '<td background="',
  '<svg><image href="',
  '<math><mtext><style>',
  '<style>',
  '</style>',
  '<template>',
  '<noscript>',
  '<iframe src=',
  '<base href=',
  '<meta http-equiv="refresh" content="0;url=',
  '<link rel=prefetch href=',
  '<form action=',
  '<input type=image src=',
  '<video poster=',
  '<object data=',
  '<div style="',
  '"',
  "'",
  '>',
  '</a>',
  ' onerror=alert(1) ',
  ' onclick="x()" ',
  ' ping=',
  '@import ',
  '@\\69mport ',
  'url(',
  ')',
  'image-set("',
  'expression(',
  '{',
  '}',
  ';',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  ...SCHEMES,
  'https://remote.example/',
  'http://remote.example/',
  '//remote.example/',
  '\\\\remote.example\\',
  'chrome-extension://abc/',
  '/postmaster.html#view=bulk',
  '../../',
  '#view=disable',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0000',
  '&#x6a;avascript:',
];

/** A URL as an attacker writes one: a disguise the URL parser keeps, a scheme (or none: relative), a path. */
const attributeValue = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '\u0085', '\u00a0', '\u2028', '\ufeff', '\u0080', '&#x6a;'),
    fc.constantFrom(
      '',
      ...SCHEMES,
      'tel:',
      'https://remote.example',
      'http://remote.example',
      '//remote.example',
      '\\\\remote.example',
      'chrome-extension://abc',
      'file://',
      '#',
    ),
    fc.constantFrom('', '/postmaster.html#view=bulk&mailbox=a@b.it', '/../../archive.html', 'postmaster.html', '/x.png 2x, /y.png', 'alert(1)', ')'),
  )
  .map((parts) => parts.join('').replace(/"/g, '&quot;'));
/** A well-formed element whose attribute takes a hostile value: what a parser keeps, unlike most random text. */
const hostileElement = fc
  .tuple(
    fc.constantFrom('a', 'area', 'img', 'td', 'body', 'div', 'image', 'form', 'video', 'input', 'link', 'base'),
    fc.constantFrom('href', 'src', 'srcset', 'background', 'style', 'action', 'poster', 'ping', 'xlink:href', 'usemap'),
    attributeValue,
  )
  .map(([tag, attribute, value]) => `<${tag} ${attribute}="${value}">x</${tag}>`);

const hostileHtml = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 3, arbitrary: hostileElement },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'background', 'action', 'formaction', 'poster', 'data', 'ping', 'xlink:href'];
const NEVER = ['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'meta', 'link', 'form', 'input', 'template', 'noscript'];

function problems(doc: Document, allowRemote: boolean): string[] {
  const found: string[] = [];
  // Parsed again from its serialization, as the frame will: what a browser would build from the text we hand it.
  const again = new DOMParser().parseFromString(doc.documentElement.outerHTML, 'text/html');
  for (const element of Array.from(again.querySelectorAll('*'))) {
    if (NEVER.includes(element.localName) && element.localName !== 'meta') found.push(`element ${element.localName}`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${name}`);
      if (URL_ATTRIBUTES.includes(name)) {
        for (const candidate of name === 'srcset' ? attribute.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attribute.value]) {
          const resolved = new URL(candidate, 'chrome-extension://abc/archive.html');
          if (resolved.protocol === 'chrome-extension:') found.push(`extension url ${name}=${candidate}`);
          if (!/^(https?|mailto|tel|data|cid):$/.test(resolved.protocol)) found.push(`scheme ${name}=${candidate}`);
          if (!allowRemote && name !== 'href' && /^https?:$/.test(resolved.protocol)) found.push(`remote ${name}=${candidate}`);
        }
      }
    }
    const css = element.localName === 'style' ? (element.textContent ?? '') : (element.getAttribute('style') ?? '');
    if (/@import|expression\s*\(|behavior\s*:|-moz-binding/i.test(css)) found.push(`css ${css}`);
    if (!allowRemote && /url\(\s*["']?(https?:)?\/\//i.test(css)) found.push(`remote css ${css}`);
  }
  return found;
}

describe('sanitizer properties', () => {
  it('never throws and never lets anything run, fetch before consent, or point at the extension', () => {
    fc.assert(
      fc.property(hostileHtml, fc.boolean(), (html, allowRemote) => {
        const { doc } = sanitizeMailHtml(html, { allowRemote });
        expect(problems(doc, allowRemote), html).toEqual([]);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('is idempotent: the output of one pass goes through a second pass unchanged', () => {
    const inner = (html: string) => sanitizeMailHtml(html, { allowRemote: true }).doc.querySelector('.archivio-mail')!.innerHTML;
    fc.assert(
      fc.property(hostileHtml, (html) => {
        const once = inner(html);
        expect(inner(once), html).toBe(once);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
