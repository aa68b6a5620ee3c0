// Where the IMAP side keeps its files, all under <data>/imap/: Dovecot's config, runtime, log, certificate, ACL,
// the per-login folder views and Dovecot's own index folders. The archive Maildirs stay where the provider writes them.
import path from 'node:path';

export interface ImapPaths {
  root: string;
  config: string;
  baseDir: string;
  log: string;
  cert: string;
  key: string;
  acl: string;
  views: string;
  index: string;
  inbox: string;
  home: string;
  authSocket: string;
  checkpassword: string;
}

export function imapPaths(dataDir: string): ImapPaths {
  const root = path.join(dataDir, 'imap');
  return {
    root,
    config: path.join(root, 'dovecot.conf'),
    baseDir: path.join(root, 'run'),
    log: path.join(root, 'dovecot.log'),
    cert: path.join(root, 'tls', 'cert.pem'),
    key: path.join(root, 'tls', 'key.pem'),
    acl: path.join(root, 'dovecot-acl'),
    views: path.join(root, 'views'),
    index: path.join(root, 'index'),
    inbox: path.join(root, 'inbox'),
    home: path.join(root, 'home'),
    authSocket: path.join(root, 'auth', 'auth.sock'),
    checkpassword: path.join(root, 'auth', 'checkpassword.sh'),
  };
}
