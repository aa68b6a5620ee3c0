// The provider as a user runs it (`tsx server/main.ts`), in a child process on free ports: for load and crash tests.
// `node --import tsx` rather than the tsx command, which runs the server in a grandchild: SIGKILL must hit the
// process that holds the database and the Maildirs, not a wrapper.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY = /archivio-provider listening (http:\/\/127\.0\.0\.1:(\d+)) smtp 127\.0\.0\.1:(\d+)/;

export interface ChildProvider {
  url: string;
  smtpPort: number;
  child: ChildProcess;
  /** SIGTERM, as an operator stops it. */
  stop(): Promise<void>;
  /** SIGKILL: no cleanup of any kind, as a power cut. */
  kill(): Promise<void>;
}

export async function spawnProvider(dataDir: string): Promise<ChildProvider> {
  const args = ['--import', 'tsx', path.join(ROOT, 'server/main.ts')];
  args.push('--data', dataDir, '--port', '0', '--smtp-port', '0', '--seed', 'demo', '--seed-size', 'small', '--no-imap');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provider exited with ${code}:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url: ready[1] as string,
    smtpPort: Number(ready[3]),
    child,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
