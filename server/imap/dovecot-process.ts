// Starts Dovecot in the foreground from our config (`dovecot -F -c FILE`) and stops it with the provider.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export function findDovecot(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DOVECOT_PATH) return fs.existsSync(env.DOVECOT_PATH) ? env.DOVECOT_PATH : null;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** doveadm (to disconnect a login's sessions) sits in bin/ beside the sbin/dovecot of the same installation. */
export function findDoveadm(dovecot: string): string | null {
  const candidates = [path.join(path.dirname(dovecot), 'doveadm'), path.join(path.dirname(dovecot), '..', 'bin', 'doveadm'), '/usr/bin/doveadm'];
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

export interface DovecotProcess {
  stop(): Promise<void>;
}

/** A master left running by a provider that was killed would hold the ports and the base_dir: stop it first. */
async function stopStale(baseDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(baseDir, 'master.pid'), 'utf8').trim());
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('dovecot')) return;
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && fs.existsSync(`/proc/${pid}`); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startDovecot(binary: string, configPath: string, baseDir: string, host: string, port: number): Promise<DovecotProcess> {
  await stopStale(baseDir);
  const child: ChildProcess = spawn(binary, ['-F', '-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const deadline = Date.now() + 15_000;
  while (!(await portOpen(host, port))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dovecot did not start: ${stderr.trim() || 'no listener on ' + port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    },
  };
}
