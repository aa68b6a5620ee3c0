// Makes sure Debian's Roundcube 1.6 and PHP's command line are there: the Roundcube tests and
// `npm run demo -- --webmail roundcube` run it under PHP's built-in server. Installs them with apt-get when running
// as root (SQLite preseeded, so the package asks nothing); otherwise says how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ROUNDCUBE = `${process.env.ROUNDCUBE_ROOT ?? '/var/lib/roundcube'}/public_html/index.php`;
const PACKAGES = ['roundcube-core', 'roundcube-sqlite3', 'roundcube-plugins', 'php-cli'];
const PRESEED = ['roundcube-core roundcube/dbconfig-install boolean true', 'roundcube-core roundcube/database-type select sqlite3'];

function hasPhp() {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureRoundcube() {
  if (existsSync(ROUNDCUBE) && hasPhp()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Roundcube or PHP is missing (${ROUNDCUBE}). Install Debian's packages and run again:\n` +
        `  echo '${PRESEED[0]}' | sudo debconf-set-selections\n` +
        `  echo '${PRESEED[1]}' | sudo debconf-set-selections\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`,
    );
    return false;
  }
  console.log(`Installing ${PACKAGES.join(', ')} for the Roundcube tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('debconf-set-selections', [], { input: PRESEED.join('\n') + '\n', stdio: ['pipe', 'inherit', 'inherit'], env });
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
  return existsSync(ROUNDCUBE) && hasPhp();
}
