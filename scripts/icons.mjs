// Renders assets/icon.svg to the PNG icons the manifest names (public/icon/<size>.png), with Chromium.
// Run after changing the SVG: `npm run icons`. Each size is drawn from the vector, not scaled from a bitmap.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The sizes utils/providers/manifest.ts names (ICON_SIZES there).
const ICON_SIZES = [16, 32, 48, 128];
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const outDir = join(ROOT, 'public/icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${source}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((image) => image.decode());
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
