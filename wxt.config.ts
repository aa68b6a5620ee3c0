import { defineConfig } from 'wxt';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { privacyPage } from './scripts/privacy-page';
import { LANGUAGES, mergeLocale } from './utils/i18n/merge';
import { buildManifest, ICONS, manifestPatterns } from './utils/providers/manifest';
import { profileForBuild } from './utils/providers/profile';

// One provider profile per build: the store build targets the provider's real webmail, `--mode demo` the
// reference provider on loopback (WXT_DEMO_PORT, default 8787), `--mode roundcube-demo` Roundcube on loopback
// (WXT_ROUNDCUBE_PORT, default 8788) in front of it. Host permissions and content-script matches
// come from that profile and nothing broader.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.ARCHIVIO_OUT_DIR ?? '.output',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  manifest: ({ mode, browser }) => buildManifest(mode, browser, process.env.WXT_DEMO_PORT, process.env.WXT_ROUNDCUBE_PORT),
  hooks: {
    // Content scripts use the browser's own promise-based API (`browser` in Firefox, `chrome` in Chromium MV3)
    // instead of webextension-polyfill: it would be carried, with its wrappers, into every webmail page.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = viteConfig.resolve?.alias;
      const rest = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      viteConfig.resolve = { ...viteConfig.resolve, alias: [native, ...rest] };
    },
    // Each feature keeps its strings in locales/<lang>/<feature>.json; the extension gets one file per language.
    'build:publicAssets': (_wxt, files) => {
      for (const language of LANGUAGES) {
        files.push({
          relativeDest: `_locales/${language}/messages.json`,
          contents: JSON.stringify(mergeLocale(resolve(import.meta.dirname, 'locales'), language), null, 2),
        });
      }
      // The privacy notice, packaged so the options page can link to it offline (source: docs/privacy.md).
      files.push({ relativeDest: 'privacy.html', contents: privacyPage(readFileSync(resolve(import.meta.dirname, 'docs/privacy.md'), 'utf8')) });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // Content scripts keep the webmail's path: they run on the webmail's pages, not on its whole origin.
      const { contentScriptMatches } = manifestPatterns(
        profileForBuild(wxt.config.mode, process.env.WXT_DEMO_PORT, process.env.WXT_ROUNDCUBE_PORT),
        wxt.config.browser,
      );
      for (const script of manifest.content_scripts ?? []) script.matches = contentScriptMatches;
      // The toolbar button (action in MV3, browser_action in MV2, made by WXT from the popup) shows our icon.
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_icon = ICONS;
    },
  },
});
