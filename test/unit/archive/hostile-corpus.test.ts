// The whole hostile-mail corpus (the one the end-to-end tests deliver over SMTP) through the message sanitizer, with
// and without consent to remote content: nothing that could run, fetch a page, or lead to the extension survives,
// and a second pass changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKED_IMAGE, sanitizeMailHtml, type SanitizeOptions } from '@/entrypoints/archive/reader/sanitize';

interface Corpus {
  sentinel: string;
  vectors: { name: string; text: string }[];
}

const corpus = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/hostile/vectors.json'), 'utf8')) as Corpus;
const VECTORS = corpus.vectors.map((vector) => ({ name: vector.name, text: vector.text.replaceAll('SENTINEL', corpus.sentinel) }));

/** A vector as a mail carries it: in a body of its own, and in the title and body of a whole document. */
const embeddings = (text: string) => [
  `<p>Corpo</p>${text}`,
  `<!doctype html><html><head><title>${text}</title></head><body><p>Corpo</p>${text}</body></html>`,
];

const NEVER = [
  'script',
  'base',
  'meta',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'portal',
  'form',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'input',
  'button',
  'select',
  'textarea',
  'keygen',
  'isindex',
];

/** Attributes a browser reads as a URL (on some element or other); srcdoc is a whole document, never allowed. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcset',
  'ping',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'usemap',
  'codebase',
  'classid',
  'archive',
  'code',
  'manifest',
  'icon',
  'profile',
  'itemtype',
]);

const EXTENSION_PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/archive.html';
const SCRIPT_OR_OURS = /^(javascript|vbscript|chrome-extension|moz-extension):|^data:text\/html/i;
/** Absolute on its own, or a fragment; data: only for raster images (an SVG document could carry handlers). */
const ABSOLUTE = /^(https?:\/\/[^/\\\s]|mailto:|tel:|cid:|#|data:image\/(png|gif|jpe?g|webp|bmp|avif)[;,])/i;

function urlProblem(url: string, allowRemote: boolean): string | null {
  if (SCRIPT_OR_OURS.test(url.trim())) return 'script or extension scheme';
  // The sanitizer's own placeholder for a blocked image: a constant SVG picture, nothing of the message in it.
  if (url === BLOCKED_IMAGE) return null;
  // Untrimmed on purpose: characters such as U+0085 before a scheme make the browser read the URL as relative.
  if (!ABSOLUTE.test(url)) return 'relative or unknown scheme';
  // A fragment is only kept as an image's usemap, which names a map of the same document: nothing is loaded or
  // followed, so that it would resolve against the extension's page if it were a link does not matter.
  if (url.startsWith('#')) return null;
  if (new URL(url, EXTENSION_PAGE).protocol === 'chrome-extension:') return 'resolves into the extension';
  if (!allowRemote && /^https?:/i.test(url)) return 'remote before consent';
  return null;
}

const CSS_HOOKS = /expression\s*\(|behavior\s*:|-moz-binding|@import|javascript:|vbscript:/i;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))/gi;

function cssProblems(css: string, allowRemote: boolean): string[] {
  const found: string[] = [];
  if (CSS_HOOKS.test(css)) found.push(`css hook: ${css}`);
  for (const match of css.matchAll(CSS_URL)) {
    const target = match[1] ?? match[2] ?? match[3] ?? '';
    const problem = urlProblem(target, allowRemote);
    if (problem) found.push(`css url(${target}): ${problem}`);
  }
  return found;
}

function problems(doc: Document, allowRemote: boolean): string[] {
  const found: string[] = [];
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    const tag = element.localName;
    if (NEVER.includes(tag)) found.push(`element ${tag}`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${tag}[${name}]`);
      if (name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      if (name === 'style') found.push(...cssProblems(attribute.value, allowRemote));
      if (!URL_ATTRIBUTES.has(name)) continue;
      const urls =
        name === 'srcset' || name === 'ping'
          ? attribute.value.split(/[,\s]+/).filter((part) => !/^(\d+(\.\d+)?[wx])?$/.test(part))
          : [attribute.value];
      for (const url of urls) {
        const problem = urlProblem(url, allowRemote || name === 'href');
        if (problem) found.push(`${tag}[${name}=${JSON.stringify(url)}]: ${problem}`);
      }
    }
    if (tag === 'style') found.push(...cssProblems(element.textContent ?? '', allowRemote));
  }
  return found;
}

/** The sanitized mail as text that can be handed to the sanitizer again: its styles, body attributes and content. */
function asInput(doc: Document): string {
  const body = doc.body.cloneNode(false) as HTMLElement;
  body.innerHTML = doc.querySelector('.archivio-mail')!.innerHTML;
  return `<html><head>${doc.head.innerHTML}</head>${body.outerHTML}</html>`;
}

const OPTIONS: [string, SanitizeOptions][] = [
  ['before consent', { allowRemote: false }],
  ['with consent', { allowRemote: true }],
];

describe('the hostile-mail corpus', () => {
  it('holds at least 150 vectors, each with a unique kebab-case name, each short enough for a header', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(150);
    const names = corpus.vectors.map((vector) => vector.name);
    expect(new Set(names).size).toBe(names.length);
    for (const vector of corpus.vectors) {
      expect(vector.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(vector.text.length, vector.name).toBeLessThanOrEqual(400);
    }
    // The expanded text also names a test mailbox, whose display name the provider takes up to 500 characters.
    for (const vector of VECTORS) expect(vector.text.length, vector.name).toBeLessThanOrEqual(500);
  });

  describe.each(OPTIONS)('through the sanitizer, %s', (_label, options) => {
    it.each(VECTORS)('$name', ({ text }) => {
      for (const html of embeddings(text)) {
        const { doc } = sanitizeMailHtml(html, options);
        expect(problems(doc, options.allowRemote), html).toEqual([]);
        // As the body frame will build it from the serialization.
        const reparsed = new DOMParser().parseFromString(doc.documentElement.outerHTML, 'text/html');
        expect(problems(reparsed, options.allowRemote), html).toEqual([]);

        const once = doc.documentElement.outerHTML;
        const twice = sanitizeMailHtml(asInput(doc), options).doc.documentElement.outerHTML;
        expect(twice, html).toBe(once);
      }
    });
  });
});
