// Roundcube 1.6 on the reference provider: a person signs in with the mailbox address and password through
// Roundcube's real login form (CSRF token included), and Roundcube lists from Dovecot what the provider's SMTP delivered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRoundcube, startRoundcube, type RunningRoundcube } from '../roundcube/roundcube';
import { GIULIA, PASSWORD, sendMail, uniqueSubject } from './helpers';
import { startImapProvider, type ImapProvider } from './imap-helpers';
import { RoundcubeHttp } from './roundcube-http';

let provider: ImapProvider;
let roundcube: RunningRoundcube;
let dir: string;

beforeAll(async () => {
  if (!findRoundcube()) throw new Error('Roundcube is not installed: apt-get install roundcube-core roundcube-sqlite3 roundcube-plugins php-cli');
  provider = await startImapProvider();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archivio-rc-test-'));
  roundcube = await startRoundcube({ dir, port: 0, imapsPort: provider.imapsPort, smtpPort: provider.smtpPort });
});

afterAll(async () => {
  await roundcube?.stop();
  await provider?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Roundcube on the reference provider', () => {
  it('refuses a wrong password at its login form', async () => {
    const client = new RoundcubeHttp(roundcube.url);
    const answer = await client.login(GIULIA, 'wrong-password');
    expect(answer.status).not.toBe(302);
  });

  it('signs in with the mailbox address and lists in the Inbox a message delivered over SMTP', async () => {
    const subject = uniqueSubject('seen in roundcube');
    await sendMail(provider, { from: 'someone@elsewhere.example', to: GIULIA, subject, text: 'hello Roundcube' });
    const client = new RoundcubeHttp(roundcube.url);
    const answer = await client.login(GIULIA, PASSWORD);
    expect(answer.status).toBe(302);
    expect(answer.location).toContain('_task=mail');
    const list = await client.listText('INBOX');
    expect(list).toContain('add_message_row');
    expect(list).toContain(subject);
  });
});
