// Starts a Roundcube 1.6 (Debian's roundcube-core) under PHP's built-in server, with a config folder of its own for
// this run (Debian's index reads ROUNDCUBE_CONFIG_DIR): nothing of the system-wide /etc/roundcube is used but its
// defaults, and the database, sessions and logs live in the run's folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { renderRoundcubeConfig } from './config';

export const ROUNDCUBE_ROOT = process.env.ROUNDCUBE_ROOT ?? '/var/lib/roundcube';
const DEFAULTS = ['defaults.inc.php', 'mimetypes.php'];

export interface RoundcubeOptions {
  /** Folder for this run's config, database, temp and logs (created when missing). */
  dir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  imapsPort: number;
  smtpPort: number;
  language?: string;
  php?: string;
}

export interface RunningRoundcube {
  url: string;
  port: number;
  dir: string;
  logDir: string;
  stop(): Promise<void>;
}

export function findRoundcube(): string | null {
  return fs.existsSync(path.join(ROUNDCUBE_ROOT, 'public_html', 'index.php')) ? ROUNDCUBE_ROOT : null;
}

async function freePort(host: string): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function prepareDir(options: RoundcubeOptions, host: string): { configDir: string; logDir: string } {
  const configDir = path.join(options.dir, 'config');
  const tempDir = path.join(options.dir, 'temp');
  const logDir = path.join(options.dir, 'logs');
  for (const dir of [configDir, tempDir, logDir]) fs.mkdirSync(dir, { recursive: true });
  for (const file of DEFAULTS) {
    const link = path.join(configDir, file);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(fs.realpathSync(path.join(ROUNDCUBE_ROOT, 'config', file)), link);
  }
  const dbPath = path.join(options.dir, 'roundcube.db');
  if (!fs.existsSync(dbPath)) {
    const db = new Database(dbPath);
    db.exec(fs.readFileSync(path.join(ROUNDCUBE_ROOT, 'SQL', 'sqlite.initial.sql'), 'utf8'));
    db.close();
  }
  const config = renderRoundcubeConfig({
    dbPath,
    tempDir,
    logDir,
    desKey: randomBytes(18).toString('base64').slice(0, 24),
    imapHost: host,
    imapsPort: options.imapsPort,
    smtpHost: host,
    smtpPort: options.smtpPort,
    language: options.language ?? 'it_IT',
  });
  fs.writeFileSync(path.join(configDir, 'config.inc.php'), config, { mode: 0o600 });
  return { configDir, logDir };
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Roundcube's PHP server exited (${child.exitCode}): ${output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Roundcube did not answer on ${url}: ${output()}`);
}

export async function startRoundcube(options: RoundcubeOptions): Promise<RunningRoundcube> {
  const root = findRoundcube();
  if (!root) throw new Error('Roundcube is not installed: apt-get install roundcube-core roundcube-sqlite3 roundcube-plugins php-cli');
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const { configDir, logDir } = prepareDir(options, host);
  const child = spawn(
    options.php ?? 'php',
    ['-d', 'display_errors=stderr', '-d', 'log_errors=0', '-S', `${host}:${port}`, '-t', path.join(root, 'public_html')],
    { env: { ...process.env, ROUNDCUBE_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://${host}:${port}/`;
  try {
    await waitForHttp(url, child, () => output);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    port,
    dir: options.dir,
    logDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
