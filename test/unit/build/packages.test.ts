// `npm run zip` writes what the stores take: the Chrome package, the Firefox package and the sources reviewers
// rebuild it from; the Firefox package passes Mozilla's addons-linter.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '@/utils/providers/manifest';
import { manifestPatternProblems } from './chrome-match-pattern';

const ROOT = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'archivio-zip-'));
const file = (suffix: string) =>
  join(
    outDir,
    readdirSync(outDir).find((name) => name.endsWith(suffix))!,
  );
const manifestIn = async (zip: string) => JSON.parse(await (await JSZip.loadAsync(readFileSync(zip))).file('manifest.json')!.async('string'));

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

beforeAll(() => {
  execFileSync('npm', ['run', 'zip'], { cwd: ROOT, env: { ...process.env, ARCHIVIO_OUT_DIR: outDir, WXT_DEMO_PORT: '' }, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('npm run zip', () => {
  it('writes the Chrome package, the Firefox package and the Firefox sources, nothing else', () => {
    const zips = readdirSync(outDir).filter((name) => name.endsWith('.zip'));
    expect(zips.map((name) => name.replace(/^archivio-[\d.]+-/, '')).sort()).toEqual(['chrome.zip', 'firefox.zip', 'sources.zip']);
  });

  it('packs the store manifest for Chrome', async () => {
    const manifest = await manifestIn(file('-chrome.zip'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(['https://webmail.aruba.it/*']);
    expect(manifestPatternProblems(manifest)).toEqual([]);
  });

  it('gives Firefox a stable add-on id and declares that no data is collected', async () => {
    const gecko = (await manifestIn(file('-firefox.zip'))).browser_specific_settings.gecko;
    expect(gecko.id).toBe(GECKO_ID);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('ships sources a reviewer can rebuild from, without dependencies or build output', async () => {
    const names = Object.keys((await JSZip.loadAsync(readFileSync(file('-sources.zip')))).files);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) expect(names).toContain(needed);
    expect(names.some((name) => name.includes('entrypoints/background.ts'))).toBe(true);
    expect(names.filter((name) => /(^|\/)(node_modules|\.output|\.data|\.wxt)\//.test(name))).toEqual([]);
  });

  it('passes addons-linter with no errors; the two warnings are in Preact and DOMPurify, both explained', async () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/addons-linter/bin/addons-linter'), '--output', 'json', file('-firefox.zip')], {
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { errors: LinterMessage[]; warnings: LinterMessage[]; notices: LinterMessage[] };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    // Two innerHTML assignments, both in libraries and both explained: Preact's renderer for `dangerouslySetInnerHTML`
    // (which no source of ours uses), and DOMPurify parsing a message into an inert document of its own.
    expect(report.warnings.map((warning) => `${warning.code} ${warning.file?.startsWith('chunks/') ? 'chunk' : warning.file}`)).toEqual([
      'UNSAFE_VAR_ASSIGNMENT chunk',
      'UNSAFE_VAR_ASSIGNMENT chunk',
    ]);
    const zip = await JSZip.loadAsync(readFileSync(file('-firefox.zip')));
    const explained: string[] = [];
    for (const warning of report.warnings) {
      const line = (await zip.file(warning.file!)!.async('string')).split('\n')[warning.line! - 1]!;
      const around = line.slice(Math.max(0, warning.column! - 400), warning.column! + 40);
      if (/dangerouslySetInnerHTML/.test(around) && /\.innerHTML=\w+\.__html/.test(around)) explained.push('preact');
      else if (/parseFromString/.test(around) && /createDocument\(/.test(around)) explained.push('dompurify');
    }
    expect(explained.sort()).toEqual(['dompurify', 'preact']);
    const uses = spawnSync('grep', ['-rlE', 'dangerouslySetInnerHTML|innerHTML', 'entrypoints', 'components', 'utils'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(uses.stdout.trim()).toBe('');
  }, 120_000);
});
