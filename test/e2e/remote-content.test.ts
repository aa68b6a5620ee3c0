// Remote content in a mail reaches nobody before consent: a counting HTTP server on loopback records every request
// and every connection while the reader shows mails that reference it in every way HTML and CSS allow.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MessageSummary } from '../../utils/api/schemas';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl } from '../support/session';
import { chromiumArgsFor, makeCertificate } from './loopback-tls';
import { newSignedInTab } from './support';

const MARIO = 'mario.rossi@example.it';
const token = randomBytes(4).toString('hex');

/** One mail per way of reaching the network; `U` is a URL unique to the technique on the counting server. */
const TECHNIQUES: Record<string, (U: string, host: string) => string> = {
  img: (U) => `<img src="${U}" width="10" height="10" alt="">`,
  'img-lowsrc-dynsrc': (U) => `<img lowsrc="${U}" dynsrc="${U}" src="data:,">`,
  srcset: (U) => `<img src="data:," srcset="${U} 1x, ${U}?2 2x">`,
  'picture-source': (U) => `<picture><source srcset="${U}" type="image/png"><img src="data:," alt=""></picture>`,
  'css-background': (U) => `<div style="background:url(${U});width:50px;height:50px">x</div>`,
  'html-background': (U) => `<table background="${U}"><tr><td background="${U}?td">x</td></tr></table>`,
  'css-properties': (U) =>
    `<p style="list-style-image:url(${U}?l);cursor:url(${U}?c),auto;border-image:url(${U}?b) 30;mask-image:url(${U}?m);content:url(${U}?ct)">x</p>`,
  'style-import': (U) => `<style>@import "${U}"; @import url(${U}?2); p { color: red }</style>`,
  'style-import-escaped': (U) => `<style>@\\69mport url(${U}); @im/**/port '${U}?c';</style>`,
  'font-face': (U) => `<style>@font-face { font-family: x; src: url(${U}) format("woff") } p { font-family: x }</style><p>font</p>`,
  'image-set': (U) =>
    `<div style="background-image:image-set('${U}' 1x);width:9px;height:9px"></div><div style="background-image:-webkit-image-set(url(${U}?w) 1x);width:9px;height:9px"></div>`,
  'css-escaped-url': (U) => `<div style="background:u\\72l(${U});width:9px;height:9px"></div><style>div{background:URL( "${U}?s" )}</style>`,
  'svg-image': (U) =>
    `<svg width="20" height="20"><image href="${U}" width="10" height="10"/><image xlink:href="${U}?x" width="10" height="10"/></svg>`,
  'svg-feimage': (U) =>
    `<svg width="20" height="20"><filter id="f"><feImage href="${U}"/></filter><rect filter="url(#f)" width="10" height="10"/></svg>`,
  'svg-use': (U) => `<svg width="20" height="20"><use href="${U}#x"/><use xlink:href="${U}?x#x"/></svg>`,
  'video-poster': (U) => `<video poster="${U}" src="${U}?v" width="20" height="20"><source src="${U}?s"><track src="${U}?t"></video>`,
  audio: (U) => `<audio src="${U}" autoplay controls></audio><audio><source src="${U}?s"></audio>`,
  'input-image': (U) => `<input type="image" src="${U}">`,
  'link-hints': (U, host) =>
    `<link rel="prefetch" href="${U}"><link rel="preload" as="image" href="${U}?p"><link rel="dns-prefetch" href="//${host}"><link rel="preconnect" href="http://${host}"><link rel="stylesheet" href="${U}?css"><link rel="icon" href="${U}?i">`,
  ping: (U) => `<a href="https://example.org/" ping="${U}">link</a>`,
  'meta-refresh': (U) => `<meta http-equiv="refresh" content="0;url=${U}">`,
  'frames-and-objects': (U) => `<iframe src="${U}"></iframe><object data="${U}?o"></object><embed src="${U}?e"><script src="${U}?js"></script>`,
  'base-relative': (U) => `<base href="${U}/"><img src="relative.png">`,
  'body-background': (U) => `<body background="${U}"><bgsound src="${U}?s"><p>body</p></body>`,
};

let browser: ExtensionBrowser;
let baseUrl: string;
let counter: Server;
let counterPort = 0;
const requests: string[] = [];
let connections = 0;
let delivered: { technique: string; summary: MessageSummary }[] = [];

/** An image host over HTTPS, on loopback with a certificate made for this run: a real https:// image in a mail. */
const IMAGE_HOST = 'images.tracker.example';
const httpsToken = randomBytes(4).toString('hex');
let imageServer: Server;
const imageRequests: { url: string; headers: IncomingHttpHeaders }[] = [];
let imageConnections = 0;
let httpsMail: MessageSummary;

async function provider<T>(path: string): Promise<T> {
  const session = await signIn(baseUrl, MARIO);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive${path}`, baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  counter = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'image/gif', 'Access-Control-Allow-Origin': '*' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  counter.on('connection', () => connections++);
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  counterPort = (counter.address() as AddressInfo).port;
  const { key, cert } = makeCertificate(IMAGE_HOST);
  imageServer = createHttpsServer({ key, cert }, (request, response) => {
    imageRequests.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  imageServer.on('secureConnection', () => imageConnections++);
  await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
  const imagePort = (imageServer.address() as AddressInfo).port;

  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inject('e2eSmtpPort'), secure: false, ignoreTLS: true });
  try {
    for (const [technique, html] of Object.entries(TECHNIQUES)) {
      // Both loopback names, so neither spelling of the host slips through.
      const body = [`127.0.0.1:${counterPort}`, `localhost:${counterPort}`]
        .map((host) => html(`http://${host}/${token}/${technique}`, host))
        .join('\n');
      await transport.sendMail({
        from: 'Newsletter <news@tracker.example>',
        to: MARIO,
        subject: `Remoto ${technique} ${token}`,
        html: `<!doctype html><html><head></head><body><p>Contenuto ${technique}</p>${body}</body></html>`,
      });
    }
    await transport.sendMail({
      from: 'Newsletter <news@tracker.example>',
      to: MARIO,
      subject: `Immagini https ${httpsToken}`,
      html: `<!doctype html><html><body><p>Contenuto https ${httpsToken}</p><img src="https://${IMAGE_HOST}/${httpsToken}/img" width="10" height="10" alt=""><div style="background:url(https://${IMAGE_HOST}/${httpsToken}/css);width:9px;height:9px"></div></body></html>`,
    });
  } finally {
    transport.close();
  }
  httpsMail = (await provider<{ items: MessageSummary[] }>(`/search?q=${httpsToken}&limit=10`)).items[0]!;
  expect(httpsMail).toBeDefined();
  const found = (await provider<{ items: MessageSummary[] }>(`/search?q=${token}&limit=100`)).items;
  delivered = found.map((summary) => ({ technique: summary.subject.split(' ')[1]!, summary }));
  expect(delivered.length).toBe(Object.keys(TECHNIQUES).length);
  browser = await launchWithExtension(inject('extensionDir'), { args: chromiumArgsFor(IMAGE_HOST, imagePort, cert) });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => counter?.close(resolve));
  imageServer?.closeAllConnections();
  await new Promise((resolve) => imageServer?.close(resolve));
  await testControl(baseUrl, 'reset').catch(() => undefined);
});

describe('remote content before and after consent', () => {
  let app: Page;

  it(`${Object.keys(TECHNIQUES).length} ways of referencing a server: no request and no connection reaches it before consent`, async () => {
    const webmail = await newSignedInTab(browser.context, baseUrl, MARIO);
    app = await browser.context.newPage();
    await app.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}`);
    await app.locator(`[role=treeitem][data-folder-id="${delivered[0]!.summary.folderId}"]`).click();
    await app.getByRole('listbox', { name: /^Messaggi in / }).waitFor();
    for (const { technique, summary } of delivered) {
      await app.locator(`[role=option][data-message-id="${summary.id}"]`).click();
      await app.frameLocator('iframe.body-frame').getByText(`Contenuto ${technique}`).waitFor();
      if (technique === 'ping') {
        // The link opens outside the frame; its ping must not go out with it.
        const opened = browser.context.waitForEvent('page', { timeout: 5_000 }).catch(() => null);
        await app.frameLocator('iframe.body-frame').getByText('link').first().click();
        await (await opened)?.close();
      }
      await app.waitForTimeout(1000);
      expect(requests, technique).toEqual([]);
      expect(connections, technique).toBe(0);
    }

    // The server is reachable from this browser: a page without the reader's protections reaches it at once.
    await webmail.evaluate((url) => {
      const image = new Image();
      image.src = url;
      document.body.append(image);
    }, `http://127.0.0.1:${counterPort}/${token}/control`);
    await expect.poll(() => requests).toContain(`/${token}/control`);
    await webmail.close();
    requests.length = 0;
    connections = 0;
  });

  it('after "Mostra contenuti esterni" only https images may load: plain-http loopback references stay unreachable', async () => {
    let offered = 0;
    // The listing is scrolled to the last one opened: walk back up, so each next row is on screen.
    for (const { technique, summary } of [...delivered].reverse()) {
      await app.locator(`[role=option][data-message-id="${summary.id}"]`).click();
      await app.frameLocator('iframe.body-frame').getByText(`Contenuto ${technique}`).waitFor();
      // Elements the sanitizer drops whole (svg, frames, links, meta) leave nothing to consent to.
      const consent = app.locator('[data-action="show-remote"]');
      if ((await consent.count()) === 0) continue;
      offered++;
      await consent.click();
      await expect.poll(() => consent.count()).toBe(0);
      await app.frameLocator('iframe.body-frame').getByText(`Contenuto ${technique}`).waitFor();
      await app.waitForTimeout(1000);
      expect(requests, technique).toEqual([]);
    }
    expect(offered).toBeGreaterThanOrEqual(['img', 'srcset', 'picture-source', 'css-background'].length);
  });

  it('an https image loads only after "Mostra contenuti esterni", and only into the sandboxed body frame', async () => {
    const webmail = await newSignedInTab(browser.context, baseUrl, MARIO);
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}`);
    const body = reader.frameLocator('iframe.body-frame');
    const fromPages: { url: string; frameUrl: string; parentUrl: string | null }[] = [];
    reader.on('request', (request) => {
      if (!request.url().includes(IMAGE_HOST)) return;
      const frame = request.frame();
      fromPages.push({ url: request.url(), frameUrl: frame.url(), parentUrl: frame.parentFrame()?.url() ?? null });
    });
    await reader.locator(`[role=treeitem][data-folder-id="${httpsMail.folderId}"]`).click();
    await reader.locator(`[role=option][data-message-id="${httpsMail.id}"]`).click();
    await body.getByText(`Contenuto https ${httpsToken}`).waitFor();
    await reader.waitForTimeout(1000);
    // Blocked by default: not a request, not even a connection.
    expect(await reader.locator('iframe.body-frame').getAttribute('srcdoc')).toMatch(/img-src data: cid:(?! https:)/);
    expect(imageRequests).toEqual([]);
    expect(imageConnections).toBe(0);

    const consent = reader.locator('[data-action="show-remote"]');
    await consent.click();
    await expect.poll(() => consent.count()).toBe(0);
    await expect
      .poll(() => imageRequests.map((request) => request.url).sort(), { timeout: 10_000 })
      .toEqual([`/${httpsToken}/css`, `/${httpsToken}/img`]);
    for (const request of imageRequests) {
      // Loaded as images by the body frame: no cookie, no referrer naming the archive or the mail.
      expect(request.headers['sec-fetch-dest'], request.url).toBe('image');
      expect(request.headers.cookie, request.url).toBeUndefined();
      expect(request.headers.referer, request.url).toBeUndefined();
    }
    // The images are in the body frame's own document (a srcdoc whose policy now lets https images in), and the
    // archive page holds none. Requests Chromium attributes to a frame (it does not always, for a sandboxed srcdoc)
    // come from that frame, never from the page.
    const srcdoc = (await reader.locator('iframe.body-frame').getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toContain(`https://${IMAGE_HOST}/${httpsToken}/img`);
    expect(srcdoc).toMatch(/img-src data: cid: https:/);
    for (const request of fromPages) {
      expect(request.frameUrl, request.url).toBe('about:srcdoc');
      expect(request.parentUrl, request.url).toMatch(/^chrome-extension:\/\/[a-p]{32}\/archive\.html/);
    }
    expect(await reader.locator('iframe.body-frame').getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    expect(await reader.evaluate((host) => document.querySelectorAll(`img[src*="${host}"]`).length, IMAGE_HOST)).toBe(0);

    // Consent is for this message only: the next one opened is blocked again.
    const before = imageRequests.length;
    const neighbour = reader.locator(`[role=option][data-message-id]:not([data-message-id="${httpsMail.id}"])`).first();
    await neighbour.click();
    await expect.poll(() => reader.locator('iframe.body-frame').getAttribute('srcdoc')).not.toContain(httpsToken);
    await reader.locator(`[role=option][data-message-id="${httpsMail.id}"]`).click();
    await body.getByText(`Contenuto https ${httpsToken}`).waitFor();
    await reader.waitForTimeout(1000);
    expect(imageRequests.length).toBe(before);
    expect(await consent.count()).toBe(1);
    await reader.close();
    await webmail.close();
  });
});
