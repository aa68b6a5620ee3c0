// The README screenshot of the Archivio tab inside Roundcube 1.6 (elastic), in Italian: starts the Roundcube stack,
// builds the roundcube-demo extension for it, signs in to Roundcube and to the archive, writes
// docs/screenshots/roundcube.png. Run by `npm run screenshots`, or alone: `npx tsx scripts/screenshot-roundcube.ts`.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../test/support/browser';
import { buildRoundcubeExtension } from '../test/support/build';
import { freePort, startRoundcubeStack } from '../test/support/roundcube';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');

export async function roundcubeScreenshot(): Promise<void> {
  const providerPort = await freePort();
  const roundcubePort = await freePort();
  const outDir = join(ROOT, '.output', `screenshots-roundcube-${process.pid}`);
  const extensionDir = buildRoundcubeExtension(providerPort, roundcubePort, outDir);
  const stack = await startRoundcubeStack({ providerPort, roundcubePort });
  const browser = await launchWithExtension(extensionDir, { locale: 'it-IT' });
  mkdirSync(OUT, { recursive: true });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(stack.roundcube.url);
    await page.locator('#rcmloginuser').fill('giulia.verdi@example.it');
    await page.locator('#rcmloginpwd').fill('archivio-demo');
    await page.locator('#rcmloginsubmit').click();
    await page.locator('#taskmenu > a[data-archivio="nav-item"]').click();
    const app = page.frameLocator('#layout iframe[data-archivio="archive-frame"]');
    await app.locator('#signin-password').fill('archivio-demo');
    await app.locator('[data-action="sign-in"]').click();
    await app.locator('[role=option][data-message-id]').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'roundcube.png') });
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await roundcubeScreenshot();
