// Every manifest we can build carries only match patterns Chrome accepts, field by field: a single refused pattern
// makes Chrome drop the whole extension without a message.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, manifestPatterns } from '@/utils/providers/manifest';
import { profileForBuild } from '@/utils/providers/profile';
import { manifestPatternProblems, matchPatternError, webAccessibleMatchError } from './chrome-match-pattern';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString() !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("Chrome's match-pattern rules", () => {
  it('accept origin patterns everywhere and a path only outside web_accessible_resources', () => {
    expect(matchPatternError('https://webmail.aruba.it/new/*')).toBeNull();
    expect(matchPatternError('http://127.0.0.1:8787/*')).toBeNull();
    expect(matchPatternError('*://*.example.it/*')).toBeNull();
    expect(matchPatternError('<all_urls>')).toBeNull();
    expect(webAccessibleMatchError('https://webmail.aruba.it/*')).toBeNull();
    expect(webAccessibleMatchError('https://webmail.aruba.it/new/*')).toMatch(/path "\/new\/\*"/);
    expect(webAccessibleMatchError('https://webmail.aruba.it/')).toMatch(/must be "\/\*"/);
  });

  it('refuse what Chrome cannot parse', () => {
    expect(matchPatternError('webmail.aruba.it/*')).toMatch(/scheme/);
    expect(matchPatternError('chrome-extension://abc/*')).toMatch(/scheme/);
    expect(matchPatternError('https://webmail.aruba.it')).toMatch(/empty path/);
    expect(matchPatternError('https:///*')).toMatch(/empty host/);
    expect(matchPatternError('https://web*.aruba.it/*')).toMatch(/wildcard/);
    expect(matchPatternError('http://127.0.0.1:port/*')).toMatch(/port/);
    expect(matchPatternError('http://[::1]:8787/*')).toBeNull();
  });

  it('find the refused pattern in a whole manifest', () => {
    expect(
      manifestPatternProblems({
        manifest_version: 3,
        host_permissions: ['https://webmail.aruba.it/*'],
        web_accessible_resources: [{ resources: ['archive.html'], matches: ['https://webmail.aruba.it/new/*'] }],
        content_scripts: [{ matches: ['https://webmail.aruba.it/new/*'] }],
      }),
    ).toEqual(['web_accessible_resources[0].matches: https://webmail.aruba.it/new/* — path "/new/*" (must be "/*": origins only)']);
  });
});

describe('the archive API apart from the webmail', () => {
  it('adds the API origin to the host permissions only: no frames or content scripts there', () => {
    const patterns = manifestPatterns(profileForBuild('demo-apart', '9100'));
    expect(patterns.hostPermissions).toEqual(['http://localhost:9100/*', 'http://127.0.0.1:9100/*']);
    expect(patterns.webAccessibleMatches).toEqual(['http://localhost:9100/*']);
    expect(patterns.contentScriptMatches).toEqual(['http://localhost:9100/*']);
    expect(buildManifest('demo-apart', 'chrome', '9100').host_permissions).toEqual(patterns.hostPermissions);
  });

  it('gives Firefox the API host without its port, once', () => {
    const apart = { ...profileForBuild('demo', '9100'), apiOrigin: 'http://127.0.0.1:9200' };
    expect(manifestPatterns(apart, 'firefox').hostPermissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('asks for nothing more when the API origin is one of the webmail origins', () => {
    const beside = { ...profileForBuild('demo', '9100'), apiOrigin: 'http://127.0.0.1:9100' };
    expect(manifestPatterns(beside).hostPermissions).toEqual(['http://127.0.0.1:9100/*', 'http://localhost:9100/*']);
  });
});

const BUILDS = [
  { mode: 'production', browser: 'chrome' },
  { mode: 'production', browser: 'firefox' },
  { mode: 'demo', browser: 'chrome' },
  { mode: 'demo', browser: 'firefox' },
  { mode: 'roundcube-demo', browser: 'chrome' },
  { mode: 'roundcube-demo', browser: 'firefox' },
  { mode: 'demo-apart', browser: 'chrome' },
] as const;

describe('the manifest of every build', () => {
  it.each(BUILDS.flatMap((build) => [undefined, '9100'].map((port) => ({ ...build, port }))))(
    '$mode for $browser (demo port $port) has only patterns Chrome accepts',
    ({ mode, browser, port }) => {
      const manifest = buildManifest(mode, browser, port);
      const { contentScriptMatches } = manifestPatterns(profileForBuild(mode, port), browser);
      expect(manifestPatternProblems({ ...manifest, content_scripts: [{ matches: contentScriptMatches }] })).toEqual([]);
    },
  );

  const outDir = mkdtempSync(join(tmpdir(), 'archivio-manifest-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('as built for Roundcube (roundcube-demo): content scripts and frames on Roundcube, the archive API host besides', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'roundcube-demo'], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVIO_OUT_DIR: outDir, WXT_DEMO_PORT: '9100', WXT_ROUNDCUBE_PORT: '9200' },
      stdio: 'pipe',
    });
    const manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3-roundcube-demo', 'manifest.json'), 'utf8'));
    expect(manifestPatternProblems(manifest)).toEqual([]);
    const roundcube = ['http://127.0.0.1:9200/*', 'http://localhost:9200/*'];
    expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([roundcube]);
    expect(manifest.web_accessible_resources[0].matches).toEqual(roundcube);
    expect(manifest.host_permissions).toEqual([...roundcube, 'http://127.0.0.1:9100/*']);
  }, 60_000);

  it.each(BUILDS.filter((build) => build.mode !== 'roundcube-demo'))(
    'as built ($mode for $browser): accepted by Chrome, content scripts on the webmail pages only',
    ({ mode, browser }) => {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', mode, '-b', browser], {
        cwd: ROOT,
        env: { ...process.env, ARCHIVIO_OUT_DIR: outDir, WXT_DEMO_PORT: '' },
        stdio: 'pipe',
      });
      const folder = `${browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2'}${mode === 'production' ? '' : `-${mode}`}`;
      const manifest = JSON.parse(readFileSync(join(outDir, folder, 'manifest.json'), 'utf8'));
      expect(manifestPatternProblems(manifest)).toEqual([]);
      // Firefox's match patterns take no port (one naming a port matches nothing there): the demo's host only.
      const demoMatches =
        browser === 'firefox' ? ['http://127.0.0.1/*', 'http://localhost/*'] : ['http://127.0.0.1:8787/*', 'http://localhost:8787/*'];
      const expected = mode === 'demo' ? demoMatches : mode === 'demo-apart' ? ['http://localhost:8787/*'] : ['https://webmail.aruba.it/new/*'];
      expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([expected]);

      // The extension's icons and the toolbar button's: each size a PNG of that size, in the package.
      const action = manifest.action ?? manifest.browser_action;
      for (const declared of [manifest.icons, action.default_icon] as Record<string, string>[]) {
        expect(Object.keys(declared)).toEqual(['16', '32', '48', '128']);
        for (const [size, path] of Object.entries(declared)) {
          expect(pngSize(readFileSync(join(outDir, folder, path))), path).toEqual({ width: Number(size), height: Number(size) });
        }
      }
    },
    60_000,
  );
});
