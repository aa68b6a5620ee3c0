// The document the sandboxed body frame shows: the sanitized message under a strict Content-Security-Policy.
import type { SanitizedMail } from './sanitize';

/**
 * Nothing may load but inline styles and data: images; with consent, images over https too (for that render
 * only). The frame's sandbox already forbids scripts, forms and same-origin access; this is the second lock.
 */
export function mailCsp(allowRemote: boolean): string {
  const images = allowRemote ? 'img-src data: cid: https:' : 'img-src data: cid:';
  return `default-src 'none'; ${images}; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'`;
}

/** Readable defaults: messages are written for a white page, so the page stays white in dark mode too. */
const BASE_STYLE = `
html { background: #ffffff; color: #1b2733; }
body { margin: 0; padding: 16px 20px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; }
a { color: #0058a3; }
`;

export function buildSrcdoc(mail: SanitizedMail, allowRemote: boolean): string {
  const doc = mail.doc;
  const head = doc.head;
  const csp = doc.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', mailCsp(allowRemote));
  const referrer = doc.createElement('meta');
  referrer.setAttribute('name', 'referrer');
  referrer.setAttribute('content', 'no-referrer');
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const base = doc.createElement('style');
  base.textContent = BASE_STYLE;
  // The policy comes first, before anything that could fetch; the message's own styles come after ours.
  head.prepend(csp, referrer, charset, base);
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
