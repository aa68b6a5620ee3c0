// Builds the demo extension (or another build `mode`) for a reference provider on `port`, into a folder of its own (runs side by side never
// load each other's half-written build). Returns the unpacked Chrome folder.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** `env`: more build settings, e.g. `WXT_ROUNDCUBE_PORT` for the roundcube-demo build. */
export function buildDemoExtension(port: number, outDir: string, mode = 'demo', env: Record<string, string> = {}): string {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', mode], {
    cwd: ROOT,
    env: { ...process.env, WXT_DEMO_PORT: String(port), ARCHIVIO_OUT_DIR: outDir, ...env },
    stdio: 'pipe',
  });
  return join(outDir, `chrome-mv3-${mode}`);
}

/** The roundcube-demo build: Roundcube on `roundcubePort` as the webmail, the reference provider's API on `providerPort`. */
export function buildRoundcubeExtension(providerPort: number, roundcubePort: number, outDir: string): string {
  return buildDemoExtension(providerPort, outDir, 'roundcube-demo', { WXT_ROUNDCUBE_PORT: String(roundcubePort) });
}
