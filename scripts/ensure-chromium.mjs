// Makes sure Debian's Chromium (and its Italian UI strings) are there for the end-to-end tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's chromium ships the English UI only; chrome.i18n needs chromium-l10n to answer in Italian.
const PACKAGES = ['chromium', 'chromium-l10n'];

function installed(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
}

export function ensureChromium() {
  const custom = Boolean(process.env.CHROMIUM_PATH);
  const hasDpkg = existsSync('/usr/bin/dpkg-query');
  const missing = custom || !hasDpkg ? (existsSync(CHROMIUM) ? [] : ['chromium']) : PACKAGES.filter((name) => !installed(name));
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    if (existsSync(CHROMIUM)) {
      console.warn(
        `Note: ${missing.join(', ')} missing; end-to-end tests that read Italian UI text may fail. Install with:\n  sudo apt-get install -y ${missing.join(' ')}`,
      );
      return true;
    }
    console.error(
      `Chromium is missing (${CHROMIUM}). Install Debian's packages and run again:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(' ')}\n` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
    return false;
  }
  console.log(`Installing ${missing.join(', ')} for the end-to-end tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  return existsSync(CHROMIUM);
}
