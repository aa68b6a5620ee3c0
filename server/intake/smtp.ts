// SMTP intake on SMTP_PORT (smtp-server): inbound mail for local addresses, and AUTH PLAIN/LOGIN submission.
import type { SMTPServerAddress, SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { PRODUCT } from '../config';
import { domainOf, normalizeAddress, resolveRecipient } from '../rules/delivery';
import { authenticate } from '../services/auth';
import { directoryOf, type Services } from '../services/context';
import { deliverInbound, submit } from './deliver';
import { PacedSmtpServer } from './paced-server';

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  const error = new Error(message) as SmtpError;
  error.responseCode = code;
  return error;
}

export interface SmtpHandle {
  port: number;
  close(): Promise<void>;
}

export async function startSmtp(s: Services, host: string, port: number, onError: (e: unknown) => void): Promise<SmtpHandle> {
  const isLocalDomain = (address: string) => s.accounts.listByDomain(domainOf(address)).length > 0;
  const limits = PRODUCT.smtpIntake;
  const server = new PacedSmtpServer(
    {
      name: 'archivio-provider',
      banner: 'Archivio reference provider',
      logger: false,
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: true,
      // Local reference server without TLS: AUTH over plain text is accepted on 127.0.0.1.
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      size: PRODUCT.maxMessageBytes,
      rejectOversized: true,
      maxClients: limits.maxClients,
      maxRecipients: limits.maxRecipients,
      closeTimeout: 2000,
      onAuth(auth, _session, callback) {
        authenticate(s, auth.username, auth.password)
          .then((account) => (account ? callback(null, { user: account.address }) : callback(smtpError(535, 'Invalid username or password'))))
          .catch((error: unknown) => callback(error as Error));
      },
      onMailFrom(address: SMTPServerAddress, session: SMTPServerSession, callback) {
        const user = session.user as string | undefined;
        if (user && normalizeAddress(address.address) !== user) {
          const redirect = s.accounts.redirect(normalizeAddress(address.address));
          if (!redirect || redirect.target !== user) return callback(smtpError(553, `5.7.1 Sender not owned by ${user}`));
        }
        callback();
      },
      onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback) {
        const recipient = normalizeAddress(address.address);
        if (resolveRecipient(directoryOf(s), recipient)) return callback();
        if (isLocalDomain(recipient)) return callback(smtpError(550, '5.1.1 No such mailbox here'));
        if (session.user) return callback();
        callback(smtpError(550, '5.7.1 Relaying denied'));
      },
      onData(stream, session, callback) {
        // Past the size limit the rest of the message is read and dropped, never kept: memory stays at one message.
        let chunks: Buffer[] = [];
        let received = 0;
        stream.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > PRODUCT.maxMessageBytes) chunks = [];
          else chunks.push(chunk);
        });
        stream.on('error', (error) => callback(error));
        stream.on('end', () => {
          if (received > PRODUCT.maxMessageBytes) return callback(smtpError(552, '5.3.4 Message too big'));
          const raw = Buffer.concat(chunks);
          const recipients = session.envelope.rcptTo.map((r) => normalizeAddress(r.address));
          const user = session.user as string | undefined;
          const work = user ? submit(s, user, raw, recipients) : deliverInbound(s, raw, recipients);
          work.then(
            () => callback(null, 'Message accepted'),
            (error: unknown) => {
              onError(error);
              callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
            },
          );
        });
      },
    },
    limits.commandPace,
  );
  server.on('error', onError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
