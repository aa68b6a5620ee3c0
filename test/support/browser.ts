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
}

export async function launchWithExtension(extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'archivio-chromium-'));
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
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
