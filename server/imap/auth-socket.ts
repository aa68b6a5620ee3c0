// The provider's side of the checkpassword program: a small HTTP server on a unix socket in the data folder that
// answers 200 (let in) or 403 (refused) for an archive or mailbox login; nothing else listens there.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Services } from '../services/context';
import { checkImapLogin, type LoginRefusal } from './login';

export interface AuthSocket {
  close(): Promise<void>;
}

export async function startAuthSocket(
  s: Services,
  socketPath: string,
  onLogin: (login: string, outcome: 'ok' | LoginRefusal) => void,
): Promise<AuthSocket> {
  fs.mkdirSync(path.dirname(socketPath), { recursive: true });
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/login') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 8192) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let body: { login?: unknown; password?: unknown } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        body = {};
      }
      checkImapLogin(s, body.login, body.password).then(
        (result) => {
          onLogin(typeof body.login === 'string' ? body.login.slice(0, 254) : '', result.ok ? 'ok' : result.reason);
          res.writeHead(result.ok ? 200 : 403, { 'content-type': 'text/plain' }).end(result.ok ? 'ok' : result.reason);
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  // Dovecot's auth process runs as its own user and must be able to connect.
  fs.chmodSync(socketPath, 0o666);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The shell wrapper Dovecot runs: this Node binary, the checkpassword program, the socket, then Dovecot's arguments. */
export function writeCheckpasswordWrapper(wrapperPath: string, scriptPath: string, socketPath: string): void {
  const quote = (value: string) => {
    if (value.includes("'")) throw new Error(`unsupported character in path: ${value}`);
    return `'${value}'`;
  };
  fs.mkdirSync(path.dirname(wrapperPath), { recursive: true });
  fs.writeFileSync(wrapperPath, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(scriptPath)} ${quote(socketPath)} "$@"\n`, { mode: 0o755 });
  fs.chmodSync(wrapperPath, 0o755);
}
