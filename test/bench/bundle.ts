// Builds the extension with WXT into a folder of our choosing and lists every output file with its size (raw, gzip).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');

export interface OutputFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** `wxt build` (the store build: `npm run build`) or `wxt build --mode demo`, written under `outDir`, of `root`'s sources. */
export function buildExtension(outDir: string, options: { demoPort?: number; root?: string } = {}): string {
  const root = options.root ?? ROOT;
  const args = [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(options.demoPort ? ['--mode', 'demo'] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, ARCHIVIO_OUT_DIR: outDir };
  if (options.demoPort) env.WXT_DEMO_PORT = String(options.demoPort);
  execFileSync(process.execPath, args, { cwd: root, env, stdio: 'pipe' });
  return join(outDir, options.demoPort ? 'chrome-mv3-demo' : 'chrome-mv3');
}

export function outputFiles(dir: string): OutputFile[] {
  const files: OutputFile[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push({ path: relative(dir, full), bytes: statSync(full).size, gzipBytes: gzipSync(readFileSync(full), { level: 9 }).length });
    }
  };
  walk(dir);
  return files.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
}
