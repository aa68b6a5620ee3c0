// The manifest fields that depend on the build's provider profile and browser (used by wxt.config.ts).
// Chrome reads match patterns differently per field: web_accessible_resources accepts origin patterns only (path
// `/*`; a longer path makes Chrome refuse the whole extension without a word), host permissions are whole origins,
// and only content scripts may name a path.
import { profileForBuild, type ProviderProfile } from './profile';

export interface ManifestPatterns {
  /** `host_permissions`: the webmail origins (the archive API sits beside the pages), and the API's own origin if apart. */
  hostPermissions: string[];
  /** `web_accessible_resources[].matches`: the webmail origins that may embed our frames. */
  webAccessibleMatches: string[];
  /** `content_scripts[].matches`: the webmail pages themselves, path included. */
  contentScriptMatches: string[];
}

export function manifestPatterns(profile: ProviderProfile, browser = 'chrome'): ManifestPatterns {
  const origins = profile.webmailOrigins.map((origin) => `${origin}/*`);
  const apiOrigins = profile.apiOrigin && !profile.webmailOrigins.includes(profile.apiOrigin) ? [`${profile.apiOrigin}/*`] : [];
  const hosts = [...origins, ...apiOrigins];
  if (browser === 'firefox') {
    return {
      hostPermissions: [...new Set(hosts.map(withoutPort))],
      webAccessibleMatches: origins.map(withoutPort),
      contentScriptMatches: profile.webmailMatches.map(withoutPort),
    };
  }
  return { hostPermissions: hosts, webAccessibleMatches: origins, contentScriptMatches: profile.webmailMatches };
}

/**
 * Firefox's match patterns take no port: a pattern naming one (the demo's `http://127.0.0.1:8787/*`) matches no page
 * at all, so the content script never runs and the host permission covers nothing. Firefox gets the host without it;
 * the content script and the background still accept only the profile's exact origins (port included).
 */
export function withoutPort(pattern: string): string {
  return pattern.replace(/^([a-z*]+:\/\/[^/:]+):\d+(?=\/)/, '$1');
}

/** A stable add-on id: Firefox keys storage and updates on it. */
export const GECKO_ID = 'archivio@archivio.example';

/** public/icon/<size>.png, rendered from assets/icon.svg by scripts/icons.mjs. */
export const ICON_SIZES = [16, 32, 48, 128] as const;
export const ICONS: Record<string, string> = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));

/** The manifest WXT starts from for a build (`mode` picks the profile, see profileForBuild). */
export function buildManifest(mode: string, browser: string, demoPort?: string, roundcubePort?: string) {
  const patterns = manifestPatterns(profileForBuild(mode, demoPort, roundcubePort), browser);
  return {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    // `scripting`: the postmaster's additions are injected only into a postmaster's webmail tab.
    permissions: ['storage', 'downloads', 'scripting'],
    host_permissions: patterns.hostPermissions,
    // The archive views live in frames of ours inside the webmail; only the webmail's origin may embed them.
    // Chrome's `use_dynamic_url`: the frames answer only at a per-session address, so a page cannot guess and frame them.
    web_accessible_resources: [
      {
        resources: ['archive.html', 'postmaster.html'],
        matches: patterns.webAccessibleMatches,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected for us: the extension only talks to the user's own mail provider.
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  };
}
