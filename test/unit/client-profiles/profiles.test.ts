// Client setup for the archive account: settings, text block, Apple .mobileconfig and Thunderbird autoconfig.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appleMailProfile,
  clientSettings,
  escapeXml,
  mobileconfigFilename,
  settingGroups,
  settingsText,
  thunderbirdAutoconfig,
  type ClientSettings,
} from '@/utils/client-profiles';
import { t, useDictionary } from '@/utils/i18n';
import { arubaProfile, referenceProfile } from '@/utils/providers/profile';
import { italian, marioStatus } from './fixtures';

type Plist = string | number | boolean | Plist[] | { [key: string]: Plist };

/** Reads an XML plist back into values, as a device would. */
function readPlist(node: Element): Plist {
  switch (node.tagName) {
    case 'string':
      return node.textContent ?? '';
    case 'integer':
      return Number.parseInt(node.textContent ?? '', 10);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'array':
      return [...node.children].map(readPlist);
    case 'dict': {
      const entries: Record<string, Plist> = {};
      const children = [...node.children];
      for (let i = 0; i < children.length; i += 2) {
        expect(children[i]!.tagName).toBe('key');
        entries[children[i]!.textContent!] = readPlist(children[i + 1]!);
      }
      return entries;
    }
    default:
      throw new Error(`unexpected plist element ${node.tagName}`);
  }
}

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function parseMobileconfig(text: string) {
  const doc = parseXml(text);
  expect(doc.doctype?.publicId).toBe('-//Apple//DTD PLIST 1.0//EN');
  expect(doc.documentElement.tagName).toBe('plist');
  expect(doc.documentElement.getAttribute('version')).toBe('1.0');
  return readPlist(doc.documentElement.firstElementChild!) as Record<string, Plist>;
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
let settings: ClientSettings;

beforeEach(() => {
  useDictionary('it', italian());
  settings = clientSettings(marioStatus(), referenceProfile(8787), t, 'Mario Rossi');
});
afterEach(() => useDictionary('it', null));

describe('client settings', () => {
  it('are the documented ones for the archive account', () => {
    expect(settings).toMatchObject({
      mailbox: 'mario.rossi@example.it',
      accountName: 'archivio casella mario.rossi',
      archiveAddress: 'mario.rossi_example.it@archivio.postassl.it',
      username: 'mario.rossi_example.it@archivio.postassl.it',
      imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' },
      smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' },
      archiveDomain: 'archivio.postassl.it',
    });
  });

  it("follow the provider's servers over the build's profile, and fill gaps from it", () => {
    const moved = clientSettings(marioStatus({ imap: { host: 'imap2.example.net', port: 1993, security: 'starttls' } }), arubaProfile, t);
    expect(moved.imap).toEqual({ host: 'imap2.example.net', port: 1993, security: 'starttls' });
    const noAddress = clientSettings(marioStatus({ archiveAddress: '' }), arubaProfile, t);
    expect(noAddress.archiveAddress).toBe('mario.rossi_example.it@archivio.postassl.it');
  });

  it('list every value with the labels of the provider guide', () => {
    const fields = Object.fromEntries(
      settingGroups(settings, t)
        .flatMap((group) => group.fields)
        .map((field) => [field.id, field]),
    );
    expect(fields.imapHost).toMatchObject({ label: 'Server posta in entrata', value: 'imaps.archivio.postassl.it', copyable: true });
    expect(fields.imapPort!.value).toBe('993');
    expect(fields.imapSecurity!.value).toBe('SSL/TLS');
    expect(fields.imapAuth).toMatchObject({ value: 'password', copyable: false });
    expect(fields.smtpHost!.value).toBe('smtps.archivio.postassl.it');
    expect(fields.smtpPort!.value).toBe('465');
    expect(fields.smtpCredentials!.value).toBe('gli stessi della posta in entrata');
  });

  it('copy as a readable text block with every setting and no password', () => {
    const text = settingsText(settings, t);
    expect(text).toContain('Nome (suggerito): archivio casella mario.rossi');
    expect(text).toContain('Indirizzo email: mario.rossi_example.it@archivio.postassl.it');
    expect(text).toContain('POSTA IN ENTRATA');
    expect(text).toContain('Tipo di protocollo: IMAP');
    expect(text).toContain('Server posta in entrata: imaps.archivio.postassl.it');
    expect(text).toMatch(/Porta: 993\n/);
    expect(text).toContain('Server posta in uscita: smtps.archivio.postassl.it');
    expect(text).toMatch(/Porta: 465\n/);
    expect(text).toContain('Tipo di cifratura: SSL/TLS');
    expect(text).toContain('Autenticazione: password');
    expect(text).toContain('Nome utente e password: gli stessi della posta in entrata');
    expect(text).not.toContain('archivio-demo');
  });
});

describe('Apple configuration profile', () => {
  it('is a Configuration profile with one com.apple.mail.managed IMAP payload', () => {
    const root = parseMobileconfig(appleMailProfile(settings, t));
    expect(root).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadIdentifier: 'it.postassl.archivio.profile.mario-rossi-example-it-archivio-postassl-it',
      PayloadDisplayName: 'Archivio di sicurezza di mario.rossi@example.it',
      PayloadRemovalDisallowed: false,
    });
    expect(root.PayloadUUID).toMatch(UUID);
    const content = root.PayloadContent as Record<string, Plist>[];
    expect(content).toHaveLength(1);
    const mail = content[0]!;
    expect(mail).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      PayloadVersion: 1,
      PayloadIdentifier: `${root.PayloadIdentifier}.mail`,
      EmailAccountDescription: 'archivio casella mario.rossi',
      EmailAccountName: 'Mario Rossi',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: 'mario.rossi_example.it@archivio.postassl.it',
      IncomingMailServerHostName: 'imaps.archivio.postassl.it',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerAuthentication: 'EmailAuthPassword',
      IncomingMailServerUsername: 'mario.rossi_example.it@archivio.postassl.it',
      OutgoingMailServerHostName: 'smtps.archivio.postassl.it',
      OutgoingMailServerPortNumber: 465,
      OutgoingMailServerUseSSL: true,
      OutgoingMailServerAuthentication: 'EmailAuthPassword',
      OutgoingMailServerUsername: 'mario.rossi_example.it@archivio.postassl.it',
      OutgoingPasswordSameAsIncomingPassword: true,
    });
    expect(mail.PayloadUUID).toMatch(UUID);
    expect(mail.PayloadUUID).not.toBe(root.PayloadUUID);
  });

  it('holds no password', () => {
    const text = appleMailProfile(settings, t);
    const mail = (parseMobileconfig(text).PayloadContent as Record<string, Plist>[])[0]!;
    expect(mail).not.toHaveProperty('IncomingPassword');
    expect(mail).not.toHaveProperty('OutgoingPassword');
    const keys = [...parseXml(text).getElementsByTagName('key')].map((key) => key.textContent);
    expect(keys.filter((key) => /password/i.test(key ?? ''))).toEqual(['OutgoingPasswordSameAsIncomingPassword']);
  });

  it('escapes every value, so a hostile name stays a name', () => {
    const hostile = { ...settings, displayName: '</string><key>IncomingPassword</key><string>x & "y" \'z\'' };
    const mail = (parseMobileconfig(appleMailProfile(hostile, t)).PayloadContent as Record<string, Plist>[])[0]!;
    expect(mail.EmailAccountName).toBe(hostile.displayName);
    expect(mail).not.toHaveProperty('IncomingPassword');
  });

  it('is named after the mailbox', () => {
    expect(mobileconfigFilename(settings)).toBe('archivio-mario.rossi.mobileconfig');
  });
});

describe('Thunderbird autoconfig', () => {
  it('has the clientConfig 1.1 elements for IMAP in and SMTP out', () => {
    const doc = parseXml(thunderbirdAutoconfig(settings, t));
    const root = doc.documentElement;
    expect(root.tagName).toBe('clientConfig');
    expect(root.getAttribute('version')).toBe('1.1');
    const provider = root.querySelector(':scope > emailProvider')!;
    expect(provider.getAttribute('id')).toBe('archivio.postassl.it');
    expect(provider.querySelector(':scope > domain')!.textContent).toBe('archivio.postassl.it');
    expect(provider.querySelector(':scope > displayName')!.textContent).toBe('Archivio di sicurezza di mario.rossi@example.it');
    const server = (selector: string) => {
      const element = provider.querySelector(selector)!;
      const text = (name: string) => element.querySelector(`:scope > ${name}`)?.textContent;
      return {
        type: element.getAttribute('type'),
        hostname: text('hostname'),
        port: text('port'),
        socketType: text('socketType'),
        username: text('username'),
        authentication: text('authentication'),
      };
    };
    expect(server(':scope > incomingServer')).toEqual({
      type: 'imap',
      hostname: 'imaps.archivio.postassl.it',
      port: '993',
      socketType: 'SSL',
      username: 'mario.rossi_example.it@archivio.postassl.it',
      authentication: 'password-cleartext',
    });
    expect(server(':scope > outgoingServer')).toEqual({
      type: 'smtp',
      hostname: 'smtps.archivio.postassl.it',
      port: '465',
      socketType: 'SSL',
      username: 'mario.rossi_example.it@archivio.postassl.it',
      authentication: 'password-cleartext',
    });
  });

  it('holds no password and escapes its values', () => {
    const hostile = { ...settings, accountName: '<password>x</password> & co' };
    const doc = parseXml(thunderbirdAutoconfig(hostile, t));
    expect(doc.getElementsByTagName('password')).toHaveLength(0);
    expect(doc.querySelector('displayShortName')!.textContent).toBe('<password>x</password> & co');
  });

  it('uses STARTTLS when the provider says so', () => {
    const starttls = { ...settings, smtp: { host: 'smtp.example.net', port: 587, security: 'starttls' as const } };
    const doc = parseXml(thunderbirdAutoconfig(starttls, t));
    expect(doc.querySelector('outgoingServer > socketType')!.textContent).toBe('STARTTLS');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
    expect(escapeXml('emoji 😀 stays')).toBe('emoji 😀 stays');
  });
});
