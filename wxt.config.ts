import { defineConfig } from 'wxt';
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
      host_permissions: profile.webmailMatches,
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'archivio@archivio.example', strict_min_version: '128.0' } } }
        : {}),
    };
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      const profile = profileForBuild(wxt.config.mode, process.env.WXT_DEMO_PORT);
      for (const script of manifest.content_scripts ?? []) script.matches = profile.webmailMatches;
    },
  },
});
