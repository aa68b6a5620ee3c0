// Loads the demo webmail's static files and bundles its TypeScript client with esbuild (once, then cached).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface WebmailAsset {
  body: Buffer | string;
  contentType: string;
}

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

let cached: Promise<Map<string, WebmailAsset>> | null = null;

/** URL path → file: "/" (index.html), "/webmail.css", "/webmail.js", "/favicon.svg". */
export function loadWebmailAssets(): Promise<Map<string, WebmailAsset>> {
  if (!cached) {
    cached = loadAll();
    cached.catch(() => {
      cached = null; // a failed build is retried on the next call
    });
  }
  return cached;
}

async function loadAll(): Promise<Map<string, WebmailAsset>> {
  const [html, css, icon, script] = await Promise.all([
    readFile(here('./index.html'), 'utf8'),
    readFile(here('./webmail.css'), 'utf8'),
    readFile(here('./favicon.svg'), 'utf8'),
    bundleClient(),
  ]);
  return new Map<string, WebmailAsset>([
    ['/', { body: html, contentType: 'text/html; charset=utf-8' }],
    ['/webmail.css', { body: css, contentType: 'text/css; charset=utf-8' }],
    ['/webmail.js', { body: script, contentType: 'text/javascript; charset=utf-8' }],
    ['/favicon.svg', { body: icon, contentType: 'image/svg+xml' }],
  ]);
}

async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [here('./client/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no webmail bundle');
  return output.text;
}
