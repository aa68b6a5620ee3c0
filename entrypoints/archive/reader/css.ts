// Cleans a message's CSS (style elements and attributes): no imports, no escapes, remote url() only with consent.
import { parseMailUrl, remoteUrl } from './urls';

export interface CssOptions {
  allowRemote: boolean;
}

export interface BlockCounter {
  blocked: number;
}

const MAX_CSS = 200_000;

function stripComments(css: string): string {
  let previous: string;
  let text = css;
  do {
    previous = text;
    text = text.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  } while (text !== previous);
  return text;
}

/** Resolves CSS escapes ("\75 rl(" is "url("), so every check below sees what the browser would see. */
function decodeEscapes(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([\s\S])/g, (_match, hex: string | undefined, char: string | undefined) => {
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    }
    return char === '\n' || char === '\r' || char === '\f' ? '' : (char ?? '');
  });
}

/** Where an at-rule that starts at `from` ends, read as CSS does: strings (a brace inside one is text), blocks, `;`. */
function atRuleEnd(css: string, from: number): number {
  let quote: string | null = null;
  let depth = 0;
  for (let i = from; i < css.length; i++) {
    const char = css[i];
    if (quote) {
      // Escapes are already resolved; an unclosed string ends at the line's end, as CSS's bad-string does.
      if (char === quote || char === '\n') quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return i; // the end of an enclosing block (e.g. @media): not ours to take
      if (--depth === 0) return i + 1;
    } else if (char === ';' && depth === 0) return i + 1;
  }
  return css.length;
}

/**
 * Every `@import` goes, up to where CSS itself ends the rule — also when a string in it holds a brace — and again
 * until none is left (removing one may join the text around it into another).
 */
function removeImports(css: string, options: CssOptions, counter: BlockCounter): string {
  let text = css;
  for (let match = /@import\b/i.exec(text); match; match = /@import\b/i.exec(text)) {
    // Counted as blocked remote content (the banner says so) until consent; even then an import is never let in.
    if (!options.allowRemote) counter.blocked++;
    text = text.slice(0, match.index) + text.slice(atRuleEnd(text, match.index + match[0].length));
  }
  return text;
}

const URL_FUNCTION = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi;
const KEEP = (n: number) => `\ue000${n}\ue001`;

/**
 * Returns CSS that cannot fetch anything unless `allowRemote`, and never anything but http(s) images then.
 * Every url() is checked; anything url-like left that the strict pattern did not understand is disabled.
 */
export function sanitizeCss(input: string, options: CssOptions, counter: BlockCounter): string {
  let css = stripComments(input.slice(0, MAX_CSS));
  css = decodeEscapes(css).replace(/\\/g, '');
  css = stripComments(css).replace(/[<\ue000\ue001]/g, '');
  css = removeImports(css, options, counter);
  const kept: string[] = [];
  css = css.replace(URL_FUNCTION, (_match, double?: string, single?: string, bare?: string) => {
    const target = double ?? single ?? bare ?? '';
    const { kind, href } = parseMailUrl(target);
    if (kind === 'remote') {
      const url = options.allowRemote ? remoteUrl(target) : null;
      if (!options.allowRemote) counter.blocked++;
      if (!url) return 'none';
      // A parsed href has its quotes, spaces and backslashes percent-encoded: safe inside "…".
      kept.push(`url("${url}")`);
      return KEEP(kept.length - 1);
    }
    if (kind === 'data-image') {
      kept.push(`url("${href.replace(/["'()\s\\]/g, '')}")`);
      return KEEP(kept.length - 1);
    }
    return 'none';
  });
  if (!options.allowRemote) {
    // image-set() also takes plain strings as URLs.
    css = css.replace(/(-webkit-)?image-set\(([^)]*)\)/gi, (match, _prefix, args: string) => {
      if (!/["']/.test(args)) return match;
      counter.blocked++;
      return 'none';
    });
  }
  // Whatever is left that looks like a resource function or an old script hook goes, arguments and all.
  css = css.replace(/(url|src|image-set|expression)\s*\(([^)]*)\)?/gi, (_match, _name, args: string) => {
    if (!options.allowRemote && /(https?:)?\/\//i.test(args)) counter.blocked++;
    return 'none';
  });
  css = css.replace(/(behavior|-moz-binding)\s*:/gi, 'invalid:');
  // A script scheme left outside url() (a custom property, a content string) is inert text today, but one later
  // CSS feature away from a URL (src(var(--x)) takes one): it goes too. Kept URLs are parsed ones, restored after.
  css = css.replace(/(java|vb)script\s*:/gi, 'invalid:');
  return css.replace(/\ue000(\d+)\ue001/g, (_m, n: string) => kept[Number(n)] ?? 'none');
}
