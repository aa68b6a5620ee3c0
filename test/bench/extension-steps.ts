// Steps the benchmark takes in Chromium: sign in on the demo webmail, time a background request.
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
