// `npm test`: lint and format first, then every suite (provider contract, unit, client+cache against the provider,
// Chromium end to end). Arguments after `--` go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureDovecot } from './ensure-dovecot.mjs';

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
if (!ensureChromium()) process.exit(1);
if (!ensureDovecot()) process.exit(1);
process.exit(run('node_modules/vitest/vitest.mjs', ['run', ...vitestArgs]));
