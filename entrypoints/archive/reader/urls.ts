// What a URL found in a message would do, read by the browser's own URL parser, and the text we may write back.
// Only absolute URLs of an allowed scheme pass, re-serialized from the parsed URL: anything the parser reads as
// relative (it would resolve against the extension's own pages) or that it cannot parse is unsafe.

export type UrlKind = 'remote' | 'data-image' | 'cid' | 'link' | 'unsafe';

export interface MailUrl {
  kind: UrlKind;
  /** The parsed URL's own serialization; never the raw attribute text. Empty when unsafe. */
  href: string;
}

const UNSAFE: MailUrl = { kind: 'unsafe', href: '' };
const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|bmp|avif)[;,]/i;
/** Browsers read `//host/x` (and `\\host\x`) in a page as the page's own scheme: for a message that is https. */
const PROTOCOL_RELATIVE = /^[\u0000-\u0020]*[\\/]{2}/;

function parse(raw: string): URL | null {
  try {
    // No base: a URL that needs one is relative, and relative means "the extension's own origin" in our frames.
    return new URL(PROTOCOL_RELATIVE.test(raw) ? `https:${raw.replace(/^[\u0000-\u0020]*/, '')}` : raw);
  } catch {
    return null;
  }
}

export function parseMailUrl(raw: string): MailUrl {
  const url = parse(raw);
  if (!url) return UNSAFE;
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      return url.hostname ? { kind: 'remote', href: url.href } : UNSAFE;
    case 'mailto:':
    case 'tel:':
      return { kind: 'link', href: url.href };
    case 'cid:':
      return { kind: 'cid', href: url.href };
    case 'data:':
      return DATA_IMAGE.test(url.href) ? { kind: 'data-image', href: url.href } : UNSAFE;
    default:
      return UNSAFE;
  }
}

export function classifyUrl(raw: string): UrlKind {
  return parseMailUrl(raw).kind;
}

/**
 * A link as the user may follow it (in a new tab, outside the frame): web, mail and phone links. http stays http,
 * since a link is only followed by choice and many sites have no https.
 */
export function linkUrl(raw: string): string | null {
  const url = parseMailUrl(raw);
  return url.kind === 'remote' || url.kind === 'link' ? url.href : null;
}

/**
 * A remote URL as the frame may load it, always over https (http upgraded, as browsers do for mixed content): what
 * a consented image reveals stays between the user and its server.
 */
export function remoteUrl(raw: string): string | null {
  const url = parseMailUrl(raw);
  if (url.kind !== 'remote') return null;
  const parsed = new URL(url.href);
  parsed.protocol = 'https:';
  return parsed.href;
}
