// Launches Debian's Firefox ESR headless with a built extension installed as a temporary add-on (puppeteer-core over
// WebDriver BiDi, no browser download). Playwright cannot drive Debian's Firefox.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from '@/utils/providers/manifest';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox picks a random `moz-extension://` host per profile; this pref fixes it so tests know our pages' address. */
const EXTENSION_UUID = '6f1c2b9e-4d3a-4e8b-9c5f-a1b2c3d4e5f6';

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: the origin of the extension's pages and frames. */
  extensionOrigin: string;
  close(): Promise<void>;
}

export function firefoxAvailable(): boolean {
  return existsSync(FIREFOX);
}

export async function launchFirefoxWithExtension(extensionDir: string, locale = 'it'): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      // Tests open the popup page from an extension frame with window.open, outside a click.
      'dom.disable_open_during_load': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  const id = await browser.installExtension(extensionDir);
  if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
  return { browser, extensionOrigin: `moz-extension://${EXTENSION_UUID}`, close: () => browser.close() };
}
