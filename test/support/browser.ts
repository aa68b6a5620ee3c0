// Launches Debian's Chromium with the built extension loaded (playwright-core, no browser download).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Browser UI language (chrome.i18n follows it); default Italian, as the product's users. */
  locale?: string;
  /**
   * Send the browser's traffic through this proxy, e.g. to count every request a page makes to the outside world.
   * `bypass` lists hosts reached directly (default: loopback, where the reference provider listens).
   */
  proxy?: { server: string; bypass?: string };
  /** More Chromium switches, e.g. to map a real host name onto a loopback server. */
  args?: string[];
  /** A profile to reuse (kept on close), e.g. to start the browser again on an updated extension. */
  profileDir?: string;
}

export async function launchWithExtension(extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'archivio-chromium-'));
  const locale = options.locale ?? 'it-IT';
  const posixLocale = locale.replace('-', '_');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    // chrome.i18n follows the browser's UI language, which on Linux comes from the environment.
    env: { ...process.env, LANGUAGE: posixLocale, LANG: `${posixLocale}.UTF-8` },
    ...(options.proxy ? { proxy: { server: options.proxy.server, bypass: options.proxy.bypass ?? '127.0.0.1,localhost' } } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
      ...(options.args ?? []),
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  const worker = () => liveWorker(context, extensionId);
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Whether a worker handle still answers (a stopped worker's handle stays listed but never answers). */
async function answers(worker: Worker): Promise<boolean> {
  const reply = await Promise.race([
    worker.evaluate(() => true).catch(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000)),
  ]);
  return reply === true;
}

/**
 * The extension's running service worker. The browser stops an idle worker after about 30 s; then a message from
 * an extension page starts a new one, as it does for the product's own views.
 */
async function liveWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const candidate of [...context.serviceWorkers()].reverse()) {
      if (await answers(candidate)) return candidate;
    }
    const started = context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => null);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(() => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      return runtime.sendMessage({ wake: true }).catch(() => undefined);
    });
    await page.close();
    const woken = await started;
    if (woken && (await answers(woken))) return woken;
  }
  throw new Error('the extension service worker does not answer');
}
