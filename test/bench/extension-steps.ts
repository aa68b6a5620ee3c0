// Steps the benchmark takes in Chromium: sign in on the demo webmail, time a background request, time a folder's first rows.
import type { Page } from 'playwright-core';

export async function signInOnWebmail(page: Page, baseUrl: string, address: string, password = 'archivio-demo'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Indirizzo email').fill(address);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.locator(`[data-account="${address}"]`).first().waitFor({ timeout: 30_000 });
}

export interface TimedReply {
  ms: number;
  ok: boolean;
  /** Rows in the answer (items of a listing or search, length of a filter result). */
  rows: number;
  /** Where a cached read's answer came from ('network' | 'cache'), when the reply says. */
  source?: string;
  error?: string;
}

/**
 * One background request as a view sends it, timed inside the extension page (performance.now around
 * runtime.sendMessage), so the browser-automation round trip is not part of the number.
 */
export function timedRpc(page: Page, name: string, payload: unknown): Promise<TimedReply> {
  return page.evaluate(
    async ([requestName, requestPayload]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      const started = performance.now();
      const reply = (await runtime.sendMessage({ tag: 'archivio/rpc', name: requestName, payload: requestPayload })) as {
        ok: boolean;
        value?: unknown;
        error?: { kind: string };
      };
      const ms = performance.now() - started;
      const value = reply.value as { value?: { items?: unknown[] }; items?: unknown[]; freshness?: { source: string } } | unknown[] | undefined;
      const rows = Array.isArray(value) ? value.length : (value?.value?.items?.length ?? value?.items?.length ?? 0);
      const source = Array.isArray(value) ? undefined : value?.freshness?.source;
      return { ms, ok: reply.ok, rows, source, error: reply.error?.kind };
    },
    [name, payload] as const,
  );
}

/**
 * Opens archive.html on a folder and returns the milliseconds from the page's navigation start to the first frame
 * that shows a loaded message row (polled every animation frame).
 */
export async function firstRowsMs(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(() => (document.querySelector('[role=option][data-message-id]') ? performance.now() : 0), undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  return (await handle.jsonValue()) as number;
}

/** Every page of a folder fetched by an extension page itself (fetch + JSON, no validation, no cache): the network share. */
export function pagesFetchedInPage(page: Page, listingUrl: string): Promise<{ ms: number; pages: number; rows: number }> {
  return page.evaluate(async (url) => {
    const started = performance.now();
    let cursor: string | null = null;
    let pages = 0;
    let rows = 0;
    do {
      const response: Response = await fetch(`${url}?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { credentials: 'include' });
      if (!response.ok) throw new Error(`listing: ${response.status}`);
      const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
      rows += body.items.length;
      pages++;
      cursor = body.nextCursor;
    } while (cursor);
    return { ms: performance.now() - started, pages, rows };
  }, listingUrl);
}
