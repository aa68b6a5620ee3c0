// `npm run demo`: builds the demo extension, starts the reference provider with demo data, opens Chromium on it.
// `npm run demo -- --webmail roundcube`: the same provider with Roundcube 1.6 in front of it as the webmail
// (Debian's roundcube-core and php-cli; the extension built in mode roundcube-demo).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM } from './ensure-chromium.mjs';
import { ensureRoundcube } from './ensure-roundcube.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const { values: flags } = parseArgs({ options: { webmail: { type: 'string', default: 'demo' } } });
if (flags.webmail !== 'demo' && flags.webmail !== 'roundcube') {
  console.error(`Unknown webmail "${flags.webmail}": use --webmail demo (default) or --webmail roundcube`);
  process.exit(2);
}
const withRoundcube = flags.webmail === 'roundcube';
if (withRoundcube && !ensureRoundcube()) process.exit(1);
const port = process.env.PORT ?? '8787';
const roundcubePort = process.env.ROUNDCUBE_PORT ?? '8788';
const mode = withRoundcube ? 'roundcube-demo' : 'demo';
let url = withRoundcube ? `http://127.0.0.1:${roundcubePort}/` : `http://127.0.0.1:${port}/`;
const extensionDir = join(ROOT, '.output', `chrome-mv3-${mode}`);

console.log('Building the demo extension…');
execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', mode], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, WXT_DEMO_PORT: port, WXT_ROUNDCUBE_PORT: roundcubePort },
});

const provider = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/main.ts'), '--seed', 'demo'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PORT: port },
});
let browser = null;
let roundcube = null;
const stop = () => {
  browser?.kill('SIGTERM');
  roundcube?.kill('SIGTERM');
  provider.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
provider.on('exit', (code) => process.exit(code ?? 0));

let providerOutput = '';
provider.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const before = providerOutput;
  providerOutput += chunk.toString();
  if (!withRoundcube) {
    if (!before.includes('archivio-provider listening') && providerOutput.includes('archivio-provider listening')) openBrowser();
    return;
  }
  const smtp = /archivio-provider listening \S+ smtp [\d.]+:(\d+)/.exec(providerOutput);
  const imaps = /archive imaps [\d.]+:(\d+)/.exec(providerOutput);
  if (roundcube || !smtp || !imaps) return;
  roundcube = spawn(
    process.execPath,
    [TSX, join(ROOT, 'server/roundcube/main.ts'), '--port', roundcubePort, '--imaps-port', imaps[1], '--smtp-port', smtp[1]],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  roundcube.on('exit', (code) => {
    if (code) stop();
  });
  roundcube.stdout.on('data', (rcChunk) => {
    process.stdout.write(rcChunk);
    const ready = /archivio-roundcube listening (\S+)/.exec(rcChunk.toString());
    if (!ready) return;
    url = ready[1];
    openBrowser();
  });
});
if (withRoundcube) {
  provider.on('spawn', () => {
    setTimeout(() => {
      if (!roundcube && providerOutput.includes('archivio-provider listening') && !/archive imaps/.test(providerOutput)) {
        console.error("Roundcube needs the provider's IMAP (Dovecot: apt-get install dovecot-imapd); stopping.");
        stop();
      }
    }, 20_000);
  });
}

function openBrowser() {
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
}
