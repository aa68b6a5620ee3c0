// SMTPS for the archive account: the same login as IMAP is accepted (so mail clients that test both are happy),
// but the archive never sends mail, so every message is refused with a 550 that says so.
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import { SMTPServer } from 'smtp-server';
import type { Services } from '../services/context';
import { checkArchiveLogin } from './login';
import type { ImapPaths } from './paths';

export const ARCHIVE_DOES_NOT_SEND =
  "5.7.1 The security archive does not send mail; send from your mailbox (l'Archivio di sicurezza non invia posta: invia dalla tua casella)";

export interface SmtpsHandle {
  port: number;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  const error = new Error(message) as SmtpError;
  error.responseCode = code;
  return error;
}

export async function startSmtps(s: Services, host: string, port: number, paths: ImapPaths, onError: (e: unknown) => void): Promise<SmtpsHandle> {
  const server = new SMTPServer({
    secure: true,
    key: fs.readFileSync(paths.key),
    cert: fs.readFileSync(paths.cert),
    name: 'smtps.archivio.local',
    banner: 'Archivio di sicurezza (no outgoing mail)',
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: false,
    size: 1024 * 1024,
    closeTimeout: 2000,
    onAuth(auth, _session, callback) {
      checkArchiveLogin(s, auth.username, auth.password).then(
        (result) => (result.ok ? callback(null, { user: result.login }) : callback(smtpError(535, '5.7.8 Authentication failed'))),
        (error: unknown) => callback(error as Error),
      );
    },
    onMailFrom(_address, _session, callback) {
      callback(smtpError(550, ARCHIVE_DOES_NOT_SEND));
    },
    onRcptTo(_address, _session, callback) {
      callback(smtpError(550, ARCHIVE_DOES_NOT_SEND));
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback(smtpError(550, ARCHIVE_DOES_NOT_SEND)));
    },
  });
  server.on('error', onError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
