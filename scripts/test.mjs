// `npm test`: every suite (provider contract, unit, client+cache against the provider, Chromium end to end).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

if (!ensureChromium()) process.exit(1);
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
