import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import { LANGUAGES, mergeLocale } from './utils/i18n/merge';
import { profileForBuild } from './utils/providers/profile';

// One provider profile per build: the store build targets the provider's real webmail, `--mode demo` the
// reference provider on loopback (WXT_DEMO_PORT, default 8787). Host permissions and content-script matches
// come from that profile and nothing broader.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.ARCHIVIO_OUT_DIR ?? '.output',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  manifest: ({ mode, browser }) => {
    const profile = profileForBuild(mode, process.env.WXT_DEMO_PORT);
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'downloads'],
      // Whole webmail origins: the archive API sits beside the webmail pages, outside /new/.
      host_permissions: profile.webmailOrigins.map((origin) => `${origin}/*`),
      // The archive views live in frames of ours inside the webmail; only the webmail may embed them.
      web_accessible_resources: [{ resources: ['archive.html', 'postmaster.html'], matches: profile.webmailMatches }],
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              // Nothing is collected for us: the extension only talks to the user's own mail provider.
              gecko: { id: 'archivio@archivio.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            },
          }
        : {}),
    };
  },
  hooks: {
    // Each feature keeps its strings in locales/<lang>/<feature>.json; the extension gets one file per language.
    'build:publicAssets': (_wxt, files) => {
      for (const language of LANGUAGES) {
        files.push({
          relativeDest: `_locales/${language}/messages.json`,
          contents: JSON.stringify(mergeLocale(resolve(import.meta.dirname, 'locales'), language), null, 2),
        });
      }
    },
    'build:manifestGenerated': (wxt, manifest) => {
      const profile = profileForBuild(wxt.config.mode, process.env.WXT_DEMO_PORT);
      for (const script of manifest.content_scripts ?? []) script.matches = profile.webmailMatches;
    },
  },
});
