// Makes sure Debian's Dovecot IMAP server is there: the reference provider serves the archive over IMAPS with it,
// and the IMAP tests run against it. Installs it with apt-get when running as root; otherwise says how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
const PACKAGES = ['dovecot-imapd'];

export function ensureDovecot() {
  if (existsSync(DOVECOT)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Dovecot is missing (${DOVECOT}). Install Debian's package and run again:\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}\n` +
        'or point DOVECOT_PATH at a dovecot binary.',
    );
    return false;
  }
  console.log(`Installing ${PACKAGES.join(', ')} for the IMAP tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
  // The package starts the system-wide Dovecot on 143/993; the provider runs its own and needs none of it.
  try {
    execFileSync('service', ['dovecot', 'stop'], { stdio: 'ignore' });
  } catch {
    // no init system in a container: nothing was started
  }
  return existsSync(DOVECOT);
}
