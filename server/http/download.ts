// Headers for file downloads: always attachments, sanitized types and RFC 6266 filenames, sandboxed if ever rendered.
import type { ServerResponse } from 'node:http';

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Attacker-chosen attachment types are passed on only when well-formed; HTML-ish types are served as bytes. */
export function safeContentType(value: string): string {
  const type = value.trim().toLowerCase();
  if (!MIME_TYPE.test(type)) return 'application/octet-stream';
  if (/html|xml|javascript|ecmascript|svg/.test(type)) return 'application/octet-stream';
  return type;
}

export function contentDisposition(filename: string): string {
  const cleaned = filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200) || 'download';
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cleaned)}`;
}

export function sendDownload(res: ServerResponse, body: Buffer, contentType: string, filename: string): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': String(body.length),
    'Content-Disposition': contentDisposition(filename),
    'Content-Security-Policy': "sandbox; default-src 'none'",
  });
  res.end(body);
}
