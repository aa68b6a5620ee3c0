// End-to-end set-up: a seeded reference provider (test mode) and the demo extension built for its port.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemoExtension } from '../support/build';
import { removeDataDir, startProvider } from '../support/provider';
import { CHROMIUM } from '../support/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eProviderUrl: string;
    e2ePort: number;
    /** The provider's SMTP intake: tests send real mail (inbound, or submission with AUTH) through it. */
    e2eSmtpPort: number;
    e2eDataDir: string;
    e2ePid: number;
    extensionDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (npm test does it when it can).`);
  const provider = await startProvider({ seed: true, testMode: true });
  // One folder per run, so runs side by side never load each other's half-written build.
  const outDir = join(ROOT, '.output', `e2e-${process.pid}`);
  const extensionDir = buildDemoExtension(provider.port, outDir);
  project.provide('e2eProviderUrl', provider.url);
  project.provide('e2ePort', provider.port);
  project.provide('e2eSmtpPort', provider.smtpPort);
  project.provide('e2eDataDir', provider.dataDir);
  project.provide('e2ePid', provider.process.pid ?? 0);
  project.provide('extensionDir', extensionDir);
  return async () => {
    await provider.stop();
    // A test that stopped the provider to go offline starts a replacement and leaves its pid here.
    const pidFile = join(provider.dataDir, 'restarted.pid');
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    removeDataDir(provider.dataDir);
    removeDataDir(outDir);
  };
}
