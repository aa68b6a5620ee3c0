// Contract: `tsx server/main.ts` prints the ready line with the real ports, serves, and closes cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { tempDataDir } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('command line', () => {
  it('starts on port 0 with the demo seed and test mode, prints the ready line, exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/main.ts',
        '--seed',
        'demo',
        '--seed-size',
        'small',
        '--port',
        '0',
        '--smtp-port',
        '0',
        '--data',
        tempDataDir(),
        '--no-imap',
      ],
      { cwd: ROOT, env: { ...process.env, ARCHIVIO_TEST_MODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /^archivio-provider listening http:\/\/127\.0\.0\.1:(\d+) smtp 127\.0\.0\.1:(\d+)$/m.exec(output);
        if (match) resolve(match);
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const [, httpPort, smtpPort] = ready;
    expect(Number(httpPort)).toBeGreaterThan(0);
    expect(Number(smtpPort)).toBeGreaterThan(0);
    const health = (await (await fetch(`http://127.0.0.1:${httpPort}/api/health`)).json()) as any;
    expect(health).toMatchObject({ status: 'ok', testMode: true });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses unknown flags', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--frobnicate'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown flag --frobnicate/);
  });

  it('takes the public origin from --public-origin or ARCHIVIO_PUBLIC_ORIGIN, as a bare http(s) origin', () => {
    expect(resolveConfig([], {}).publicOrigin).toBeNull();
    expect(resolveConfig(['--public-origin', 'https://webmail.example.it'], {}).publicOrigin).toBe('https://webmail.example.it');
    expect(resolveConfig([], { ARCHIVIO_PUBLIC_ORIGIN: 'https://webmail.example.it/' }).publicOrigin).toBe('https://webmail.example.it');
    for (const bad of ['webmail.example.it', 'https://webmail.example.it/new/', 'ftp://webmail.example.it']) {
      expect(() => resolveConfig(['--public-origin', bad], {}), bad).toThrow(/public-origin/);
    }
  });
});
