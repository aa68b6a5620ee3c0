// The provider's real webmail host, on loopback: `https://webmail.aruba.it` served by a local HTTPS server with a
// certificate made for this run. It serves the webmail's markup (the aruba-* fixtures) under /new/ and passes the
// archive API and the sign-in through to the reference provider, cookies included, so the store build runs as users
// get it. Chromium reaches it through a host-resolver rule and trusts only this certificate's key.
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromiumArgsFor, makeCertificate } from './loopback-tls';

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
  const { key, cert } = makeCertificate(STORE_HOST);
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
    chromiumArgs: chromiumArgsFor(STORE_HOST, port, cert),
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
