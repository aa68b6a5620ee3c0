// The self-signed certificate of the local IMAPS/SMTPS servers, made once with openssl and kept in the data folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Creates cert.pem/key.pem for 127.0.0.1 and localhost unless both are already there. */
export function ensureCertificate(certPath: string, keyPath: string): void {
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) return;
  fs.mkdirSync(path.dirname(certPath), { recursive: true });
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '3650',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-subj',
      '/O=Archivio reference provider/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  fs.chmodSync(keyPath, 0o600);
  fs.chmodSync(certPath, 0o644);
}
