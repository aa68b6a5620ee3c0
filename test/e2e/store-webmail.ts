// The provider's real webmail host, on loopback: `https://webmail.aruba.it` served by a local HTTPS server with a
// certificate made for this run. It serves the webmail's markup (the aruba-* fixtures) under /new/ and passes the
// archive API and the sign-in through to the reference provider, cookies included, so the store build runs as users
// get it. Chromium reaches it through a host-resolver rule and trusts only this certificate's key.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const STORE_HOST = 'webmail.aruba.it';
export const STORE_ORIGIN = `https://${STORE_HOST}`;
const FIXTURES = resolve(import.meta.dirname, '../fixtures/webmail');

/** Webmail pages by path, as the provider's Angular app serves them (see docs/webmails.md). */
const PAGES: [RegExp, string][] = [
  [/^\/new\/(mail(\/.*)?)?$/, 'aruba-2026-11-29-mail.html'],
  [/^\/new\/management\/mailboxes$/, 'aruba-2026-11-29-management-list.html'],
  [/^\/new\/management\/mailboxes\/[^/]+$/, 'aruba-2026-11-29-management-detail.html'],
  // The same markup outside /new/: a page of the host the content script must leave alone.
  [/^\/classic\/$/, 'aruba-2026-11-29-mail.html'],
];
/** What the provider answers for the webmail host: its archive API, and its sign-in standing in for the real one. */
const PASSED_THROUGH = /^\/api\/(archive\/v1\/|session$)/;

export interface StoreWebmail {
  port: number;
  /** Chromium switches that send webmail.aruba.it here and trust this server's certificate, nothing more. */
  chromiumArgs: string[];
  /** Paths the browser asked for, in order (the API calls among them prove who called whom). */
  requests: string[];
  close(): Promise<void>;
}

function makeCertificate(dir: string): { key: string; cert: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${STORE_HOST}`,
      '-addext',
      `subjectAltName=DNS:${STORE_HOST}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'pipe' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

/** The base64 SHA-256 of the certificate's SubjectPublicKeyInfo, as --ignore-certificate-errors-spki-list wants. */
function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function passThrough(providerUrl: string, request: IncomingMessage, response: ServerResponse): void {
  const target = new URL(request.url ?? '/', providerUrl);
  // Headers go as the browser sent them (Cookie, Origin, Content-Type); the provider sees its own host.
  const headers = { ...request.headers, host: target.host };
  const upstream = httpRequest(target, { method: request.method, headers }, (answer) => {
    // Set-Cookie comes back unchanged: a host-only cookie, so the browser keeps it for webmail.aruba.it.
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => response.writeHead(502).end());
  request.pipe(upstream);
}

export async function startStoreWebmail(providerUrl: string): Promise<StoreWebmail> {
  const dir = mkdtempSync(join(tmpdir(), 'archivio-store-host-'));
  const { key, cert } = makeCertificate(dir);
  const requests: string[] = [];
  const server: Server = createServer({ key, cert }, (request, response) => {
    const path = new URL(request.url ?? '/', STORE_ORIGIN).pathname;
    requests.push(`${request.method} ${path}`);
    if (PASSED_THROUGH.test(path)) return passThrough(providerUrl, request, response);
    const page = PAGES.find(([pattern]) => pattern.test(path))?.[1];
    if (request.method === 'GET' && page) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return response.end(readFileSync(join(FIXTURES, page)));
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    chromiumArgs: [`--host-resolver-rules=MAP ${STORE_HOST}:443 127.0.0.1:${port}`, `--ignore-certificate-errors-spki-list=${spkiHash(cert)}`],
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
