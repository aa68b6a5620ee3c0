// `npm run demo`: builds the demo extension, starts the reference provider with demo data, opens Chromium on it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM } from './ensure-chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8787';
const url = `http://127.0.0.1:${port}/`;
const extensionDir = join(ROOT, '.output', 'chrome-mv3-demo');

console.log('Building the demo extension…');
execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'demo'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, WXT_DEMO_PORT: port },
});

const provider = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/main.ts'), '--seed', 'demo'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PORT: port },
});
let browser = null;
const stop = () => {
  browser?.kill('SIGTERM');
  provider.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
provider.on('exit', (code) => process.exit(code ?? 0));

provider.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!chunk.toString().includes('archivio-provider listening')) return;
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const accounts = [
    '  mario.rossi@example.it   (archivio attivo, sola lettura)',
    '  giulia.verdi@example.it  (archivio in scrittura, IMAP, illimitato)',
    '  luca.neri@example.it     (archivio spento)',
    '  postmaster@example.it    (Gestione → Caselle)',
    '  password for all: archivio-demo',
  ].join('\n');
  if (hasDisplay && existsSync(CHROMIUM)) {
    const profile = mkdtempSync(join(tmpdir(), 'archivio-demo-'));
    browser = spawn(
      CHROMIUM,
      [
        `--user-data-dir=${profile}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        url,
      ],
      { stdio: 'ignore' },
    );
    console.log(`\nChromium opened on ${url} with the extension loaded. Sign in as:\n${accounts}\nCtrl-C stops everything.`);
  } else {
    console.log(
      `\nNo display here, so no browser was opened. To try the product:\n` +
        `  1. In Chrome or Chromium open chrome://extensions, turn on Developer mode,\n` +
        `     click "Load unpacked" and choose ${extensionDir}\n` +
        `  2. Open ${url} and sign in as:\n${accounts}\n` +
        `Ctrl-C stops the provider.`,
    );
  }
});
