// README screenshots from the demo, in Italian: the Archivio tab, the reader, the popup and the postmaster's panel,
// then the Archivio tab inside Roundcube (scripts/screenshot-roundcube.ts).
// Starts its own reference provider with the demo data, builds the demo extension for it, drives Chromium, writes
// docs/screenshots/*.png. Run with `npm run screenshots`.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../test/support/browser';
import { buildDemoExtension } from '../test/support/build';
import { removeDataDir, startProvider } from '../test/support/provider';
import { roundcubeScreenshot } from './screenshot-roundcube';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

async function signIn(page: Page, baseUrl: string, address: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Indirizzo email').fill(address);
  await page.getByLabel('Password').fill('archivio-demo');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.locator(`[data-account="${address}"]`).first().waitFor({ timeout: 15_000 });
}

async function main(): Promise<void> {
  const provider = await startProvider({ seed: true, testMode: false });
  const outDir = join(ROOT, '.output', `screenshots-${process.pid}`);
  const browser = await launchWithExtension(buildDemoExtension(provider.port, outDir), { locale: 'it-IT' });
  mkdirSync(OUT, { recursive: true });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await signIn(page, provider.url, 'mario.rossi@example.it');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Archivio', exact: true }).click();
    const app = page.frameLocator('main#content iframe[title="Archivio"]');
    await app.locator('[role=option][data-message-id]').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'archive-tab.png') });

    await app.locator('[role=option][data-message-id]').first().click();
    await app.locator('.reader-headers').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, 'reader.png') });

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: /Copia/ }).first().waitFor();
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });

    await browser.context.clearCookies();
    const admin = await browser.context.newPage();
    await admin.setViewportSize(VIEWPORT);
    await signIn(admin, provider.url, 'postmaster@example.it');
    await admin.goto(`${provider.url}/#/gestione/caselle`);
    await admin.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();
    await admin.locator('tr[data-mailbox="mario.rossi@example.it"] a').first().click();
    await admin.getByRole('tab', { name: 'Archivio', exact: true }).click();
    await admin.frameLocator('#archivio-panel iframe').getByRole('switch', { name: 'Archivio attivo' }).waitFor();
    await admin.waitForTimeout(800);
    await admin.screenshot({ path: join(OUT, 'postmaster.png') });
  } finally {
    await browser.close();
    await provider.stop();
    removeDataDir(provider.dataDir);
    rmSync(outDir, { recursive: true, force: true });
  }
  await roundcubeScreenshot();
  console.log(`screenshots written to ${OUT}`);
}

await main();
