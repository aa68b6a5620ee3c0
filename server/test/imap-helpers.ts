// Test helpers for the archive over IMAPS/SMTPS: free ports, a provider with Dovecot on, imapflow clients, logins.
import fs from 'node:fs';
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { PASSWORD, startTestProvider, type TestProvider } from './helpers';

export const archiveLogin = (address: string): string => {
  const [box, domain] = address.split('@') as [string, string];
  return `${box}_${domain}@archivio.postassl.it`;
};

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ImapProvider extends TestProvider {
  imapsPort: number;
  smtpsPort: number;
  ca: Buffer;
}

export async function startImapProvider(): Promise<ImapProvider> {
  const provider = await startTestProvider({ imap: { imapsPort: await freePort(), smtpsPort: await freePort() } });
  if (!provider.imap) throw new Error('Dovecot is not installed: apt-get install dovecot-imapd');
  return { ...provider, imapsPort: provider.imap.imapsPort, smtpsPort: provider.imap.smtpsPort, ca: fs.readFileSync(provider.imap.certPath) };
}

export function imapClient(p: { imapsPort: number; ca: Buffer }, user: string, pass = PASSWORD): ImapFlow {
  return new ImapFlow({
    host: '127.0.0.1',
    port: p.imapsPort,
    secure: true,
    tls: { ca: [p.ca] },
    auth: { user, pass },
    logger: false,
    verifyOnly: false,
  });
}

/** Logs in and returns the connected client, or the error the server answered with. */
export async function login(p: { imapsPort: number; ca: Buffer }, user: string, pass = PASSWORD): Promise<ImapFlow | Error> {
  const client = imapClient(p, user, pass);
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    return error as Error;
  }
}

export async function mustLogin(p: { imapsPort: number; ca: Buffer }, user: string, pass = PASSWORD): Promise<ImapFlow> {
  const client = await login(p, user, pass);
  if (client instanceof Error) throw new Error(`login refused for ${user}: ${client.message}`);
  return client;
}

/** Runs an IMAP command that should be refused; resolves to what happened instead of throwing. */
export async function attempt(run: () => Promise<unknown>): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  try {
    const value = await run();
    return { ok: value !== false, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function messageCount(client: ImapFlow, path: string): Promise<number> {
  const status = await client.status(path, { messages: true });
  if (!status) throw new Error(`STATUS ${path} failed`);
  return status.messages ?? -1;
}

/** Polls until `check` holds; returns the milliseconds it took (the caller reports, never asserts, the timing). */
export async function until(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > limitMs) throw new Error(`condition not met within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function smtpsTransport(p: { smtpsPort: number; ca: Buffer }, user: string, pass = PASSWORD) {
  return nodemailer.createTransport({ host: '127.0.0.1', port: p.smtpsPort, secure: true, tls: { ca: [p.ca] }, auth: { user, pass } });
}
