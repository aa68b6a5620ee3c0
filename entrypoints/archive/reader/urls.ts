// What a URL found in a message would do: fetch remote content, stay inside the message, or be unsafe.

export type UrlKind = 'remote' | 'data-image' | 'cid' | 'link' | 'fragment' | 'unsafe';

/**
 * Browsers ignore surrounding spaces and control characters, and tabs or newlines anywhere ("java\tscript:"),
 * so the scheme is read with all of them removed. Relative URLs would resolve against the extension's own
 * origin: they count as unsafe.
 */
export function classifyUrl(raw: string): UrlKind {
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u2028\u2029\ufeff]/g, '');
  if (url === '') return 'unsafe';
  if (url.startsWith('#')) return 'fragment';
  if (/^https?:/i.test(url) || /^[\\/]{2}/.test(url)) return 'remote';
  if (/^data:image\/(png|gif|jpe?g|webp|bmp|avif)[;,]/i.test(url)) return 'data-image';
  if (/^cid:/i.test(url)) return 'cid';
  if (/^(mailto|tel):/i.test(url)) return 'link';
  return 'unsafe';
}

/**
 * A web link as the user may follow it (in a new tab, outside the frame): http stays http, since a link is only
 * followed by choice and many sites have no https; protocol-relative ones become https.
 */
export function linkUrl(raw: string): string | null {
  const url = raw.trim().replace(/^[\\/]{2}/, 'https://');
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A remote URL as the frame may load it, always over https (protocol-relative and http ones upgraded, as browsers
 * do for mixed content): what a consented image reveals stays between the user and its server.
 */
export function remoteUrl(raw: string): string | null {
  const url = raw.trim().replace(/^[\\/]{2}/, 'https://');
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:') parsed.protocol = 'https:';
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
