// The Roundcube stack for end-to-end tests: the reference provider as a child process with Dovecot on (mailbox
// logins for Roundcube, the archive API for the extension), and Roundcube 1.6 under PHP's built-in server in front of it.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRoundcube, startRoundcube, type RunningRoundcube } from '../../server/roundcube/roundcube';
import { startProvider, type RunningProvider } from './provider';

export interface RoundcubeStack {
  provider: RunningProvider;
  roundcube: RunningRoundcube;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function roundcubeInstalled(): boolean {
  return findRoundcube() !== null;
}

/** `providerPort`/`roundcubePort`: the ports the extension build was made for. */
export async function startRoundcubeStack(options: { providerPort: number; roundcubePort: number }): Promise<RoundcubeStack> {
  const imapsPort = await freePort();
  const provider = await startProvider({ port: options.providerPort, imap: { imapsPort, smtpsPort: await freePort() } });
  const dir = mkdtempSync(join(tmpdir(), 'archivio-roundcube-'));
  let roundcube: RunningRoundcube;
  try {
    roundcube = await startRoundcube({ dir, port: options.roundcubePort, imapsPort, smtpPort: provider.smtpPort });
  } catch (error) {
    await provider.stop();
    throw error;
  }
  return {
    provider,
    roundcube,
    async stop() {
      await roundcube.stop();
      await provider.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(provider.dataDir, { recursive: true, force: true });
    },
  };
}
