// Makes sure Debian's Firefox ESR (and its Italian UI strings) are there for the Firefox end-to-end suite.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// Without the language pack Firefox's UI, and so browser.i18n, stays English whatever locale is asked for.
const PACKAGES = ['firefox-esr', 'firefox-esr-l10n-it'];

function installed(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** True when the Firefox suite can run; false (after saying why and how to fix it) when it must be skipped. */
export function ensureFirefox() {
  const custom = Boolean(process.env.FIREFOX_PATH);
  const hasDpkg = existsSync('/usr/bin/dpkg-query');
  const missing = custom || !hasDpkg ? (existsSync(FIREFOX) ? [] : ['firefox-esr']) : PACKAGES.filter((name) => !installed(name));
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.warn(
      `Firefox suite skipped: ${missing.join(', ')} missing (${FIREFOX}). Install with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(' ')}\n` +
        'or point FIREFOX_PATH at a Firefox binary.',
    );
    return false;
  }
  console.log(`Installing ${missing.join(', ')} for the Firefox end-to-end suite…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  } catch (error) {
    console.warn(`Firefox suite skipped: apt-get could not install ${missing.join(', ')} (${error.message}).`);
    return false;
  }
  return existsSync(FIREFOX);
}
