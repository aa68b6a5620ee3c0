// `npm test`: lint and format first, then every suite (provider contract, unit, client+cache against the provider,
// Chromium end to end, then Firefox end to end when Firefox ESR is there or can be installed). Arguments after `--`
// go to vitest (e.g. `npm test -- --project unit`, `npm test -- --project firefox`).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureDovecot } from './ensure-dovecot.mjs';
import { ensureFirefox } from './ensure-firefox.mjs';
import { ensureRoundcube } from './ensure-roundcube.mjs';

const run = (script, args) => spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' }).status ?? 1;

const vitestArgs = process.argv.slice(2);
if (vitestArgs.length === 0) {
  if (run('node_modules/eslint/bin/eslint.js', ['--max-warnings', '0', '.']) !== 0) {
    console.error('\ntests: 0 passed, 1 failed, 0 skipped (lint)');
    process.exit(1);
  }
  if (run('node_modules/prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.']) !== 0) {
    console.error('\ntests: 0 passed, 1 failed, 0 skipped (format: run `npm run format`)');
    process.exit(1);
  }
}
const VITEST = 'node_modules/vitest/vitest.mjs';
const CHROMIUM_SUITES = ['server', 'unit', 'integration', 'e2e'].flatMap((name) => ['--project', name]);
const asksFor = (project) => vitestArgs.some((arg, i) => arg === `--project=${project}` || (arg === '--project' && vitestArgs[i + 1] === project));

if (vitestArgs.length > 0 && asksFor('firefox') && !['server', 'unit', 'integration', 'e2e'].some(asksFor)) {
  if (!ensureFirefox()) process.exit(1);
  process.exit(run(VITEST, ['run', ...vitestArgs]));
}
if (!ensureChromium()) process.exit(1);
if (!ensureDovecot()) process.exit(1);
if (!ensureRoundcube()) process.exit(1);
if (vitestArgs.length > 0) process.exit(run(VITEST, ['run', ...vitestArgs]));
const status = run(VITEST, ['run', ...CHROMIUM_SUITES]);
if (!ensureFirefox()) {
  console.warn('tests: Firefox suite skipped (Firefox ESR is not installed)');
  process.exit(status);
}
process.exit(run(VITEST, ['run', '--project', 'firefox']) || status);
