// The pure rules behind the IMAP view: folder names, ACL patterns and rights per setting, archive login → mailbox.
import { describe, expect, it } from 'vitest';
import { aclLines, READ_RIGHTS, WRITE_RIGHTS } from '../imap/acl';
import { aclPattern, imapFolders } from '../imap/folder-names';
import { mailboxOfLogin } from '../imap/login';
import type { FolderRow } from '../storage/archives';

const custom = (n: number, name: string): FolderRow => ({ id: `custom-${n}`, kind: 'custom', name, month: null });
const LOGIN = 'mario.rossi_example.it@archivio.postassl.it';

describe('IMAP folder names', () => {
  it('names the base folders in Italian and keeps a plain custom name as it is', () => {
    expect(imapFolders([custom(1, 'Fatture 2026')]).map((f) => f.name)).toEqual(['Posta in arrivo', 'Posta inviata', 'Fatture 2026']);
  });

  it('replaces the hierarchy separator, wildcards and control characters, and drops leading dots', () => {
    const [, , folder] = imapFolders([custom(2, '..a/b*c%d?e"f\u0007g')]);
    expect(folder?.name).toBe('a-b-c-d-e-f-g');
  });

  it('renames a custom folder that would clash with a base folder, INBOX or another custom folder', () => {
    const names = imapFolders([
      custom(1, 'posta inviata'),
      custom(2, 'INBOX'),
      custom(3, 'Uno'),
      custom(4, 'uno'),
      custom(5, 'Posta\u00a0in arrivo'),
    ]).map((f) => f.name);
    expect(names).toEqual([
      'Posta in arrivo',
      'Posta inviata',
      'posta inviata (custom-1)',
      'INBOX (custom-2)',
      'Uno',
      'uno (custom-4)',
      'Posta\u00a0in arrivo (custom-5)',
    ]);
  });

  it('writes ACL patterns without spaces or other characters the ACL file cannot quote', () => {
    expect(aclPattern('Posta in arrivo')).toBe('Posta?in?arrivo');
    expect(aclPattern('Fatture però (2026)')).toBe('Fatture?per??(2026)');
  });
});

describe('IMAP rights per setting', () => {
  const folders = imapFolders([custom(1, 'Fatture')]);

  it('grants nothing while the archive or IMAP access is off', () => {
    expect(aclLines({ login: LOGIN, archive: { enabled: false, writable: true, imapAccess: true }, folders })).toEqual([]);
    expect(aclLines({ login: LOGIN, archive: { enabled: true, writable: true, imapAccess: false }, folders })).toEqual([]);
  });

  it('grants lookup and read only in read-only mode', () => {
    const lines = aclLines({ login: LOGIN, archive: { enabled: true, writable: false, imapAccess: true }, folders });
    expect(lines.every((line) => line.endsWith(` ${READ_RIGHTS}`))).toBe(true);
    expect(lines).toContain(`Posta?in?arrivo/* user=${LOGIN} lr`);
  });

  it('adds flags, insert and expunge in write mode, but never to INBOX or the parent of the months, and never k, x, a or p', () => {
    const lines = aclLines({ login: LOGIN, archive: { enabled: true, writable: true, imapAccess: true }, folders });
    expect(lines).toEqual([
      `INBOX user=${LOGIN} lr`,
      `Posta?in?arrivo user=${LOGIN} lr`,
      `Posta?in?arrivo/* user=${LOGIN} ${WRITE_RIGHTS}`,
      `Posta?inviata user=${LOGIN} ${WRITE_RIGHTS}`,
      `Fatture user=${LOGIN} ${WRITE_RIGHTS}`,
    ]);
    expect(WRITE_RIGHTS).not.toMatch(/[kxap]/);
  });
});

describe('archive login', () => {
  it('maps the archive address back to the mailbox, splitting at the last underscore', () => {
    expect(mailboxOfLogin(LOGIN)).toBe('mario.rossi@example.it');
    expect(mailboxOfLogin('Anna_Maria_Example.IT@Archivio.PostaSSL.it')).toBe('anna_maria@example.it');
  });

  it('refuses anything that is not an archive address', () => {
    expect(mailboxOfLogin('mario.rossi@example.it')).toBeNull();
    expect(mailboxOfLogin('_example.it@archivio.postassl.it')).toBeNull();
    expect(mailboxOfLogin('mario_@archivio.postassl.it')).toBeNull();
    expect(mailboxOfLogin('mario@archivio.postassl.it.evil.example')).toBeNull();
  });
});
