// Starts the reference provider as a child process (as a user would) on free ports with a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningProvider {
  url: string;
  port: number;
  smtpPort: number;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const READY = /archivio-provider listening (http:\/\/127\.0\.0\.1:(\d+)) smtp 127\.0\.0\.1:(\d+)/;
const ROOT = resolve(import.meta.dirname, '../..');

export async function startProvider(
  options: {
    port?: number;
    smtpPort?: number;
    seed?: boolean;
    testMode?: boolean;
    dataDir?: string;
    /** The origin users reach the webmail at, when a test puts the provider behind another host. */
    publicOrigin?: string;
    /** Serve the archive over IMAPS/SMTPS (Dovecot) on these ports; off unless asked for. */
    imap?: { imapsPort: number; smtpsPort: number };
  } = {},
): Promise<RunningProvider> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'archivio-provider-'));
  const args = [
    join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    join(ROOT, 'server/main.ts'),
    '--port',
    String(options.port ?? 0),
    '--smtp-port',
    String(options.smtpPort ?? 0),
    '--data',
    dataDir,
  ];
  if (options.seed ?? true) args.push('--seed', 'demo');
  if (options.testMode ?? true) args.push('--test-mode');
  if (options.publicOrigin) args.push('--public-origin', options.publicOrigin);
  if (options.imap) args.push('--imaps-port', String(options.imap.imapsPort), '--smtps-port', String(options.imap.smtpsPort));
  else args.push('--no-imap');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provider exited with ${code}:\n${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    url: ready[1]!,
    port: Number(ready[2]),
    smtpPort: Number(ready[3]),
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
