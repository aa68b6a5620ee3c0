// The provider profile: everything provider-specific the extension needs, as one data object per provider.

export interface ServerEndpoint {
  host: string;
  port: number;
  security: 'ssl' | 'starttls';
}

export interface ProviderProfile {
  id: string;
  name: string;
  /** Match patterns of the webmail pages we inject into (also the extension's host permissions). */
  webmailMatches: string[];
  /** Origins the background may call; the API is reached on the origin the user is signed in on. */
  webmailOrigins: string[];
  /** Where to send a user who has no webmail session. */
  webmailUrl: string;
  /** The webmail address that opens straight on the Archivio view (the adapter's route). */
  archiveEntryUrl: string;
  apiPath: string;
  /**
   * Where the archive API lives when it is not on the webmail's origin (e.g. `https://archivio.example.it`); the
   * archive then has its own sign-in, shared by every webmail origin of the profile. Absent: the API sits beside the
   * webmail pages and the webmail's session is the archive's.
   */
  apiOrigin?: string;
  archiveDomain: string;
  imap: ServerEndpoint;
  smtp: ServerEndpoint;
  plans: { base: string; gigamail: string; unlimited: string };
  upgradeUrl: string;
}

const ARUBA_ARCHIVE_SERVERS = {
  archiveDomain: 'archivio.postassl.it',
  imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' },
  smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' },
  plans: { base: 'Archivio 1 GB', gigamail: 'GigaMail', unlimited: 'SpazioMail illimitato' },
} as const satisfies Partial<ProviderProfile>;

/**
 * The provider's real webmail (observed 2026, see docs/webmails.md): the new webmail and its management area
 * both live under https://webmail.aruba.it/new/. Nothing broader is requested.
 */
export const arubaProfile: ProviderProfile = {
  id: 'aruba',
  name: 'Aruba Webmail',
  webmailMatches: ['https://webmail.aruba.it/new/*'],
  webmailOrigins: ['https://webmail.aruba.it'],
  webmailUrl: 'https://webmail.aruba.it/new/',
  archiveEntryUrl: 'https://webmail.aruba.it/new/#archivio',
  apiPath: '/api/archive/v1',
  ...ARUBA_ARCHIVE_SERVERS,
  // Unverified from here: the provider's e-mail services page, where GigaMail and SpazioMail are sold.
  upgradeUrl: 'https://www.aruba.it/email/',
};

/** The reference provider shipped in `server/`, on the loopback port the demo uses. */
export function referenceProfile(port: number): ProviderProfile {
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    id: 'reference',
    name: 'Archivio reference provider',
    webmailMatches: origins.map((origin) => `${origin}/*`),
    webmailOrigins: origins,
    webmailUrl: `${origins[0]}/`,
    archiveEntryUrl: `${origins[0]}/#/archivio`,
    apiPath: '/api/archive/v1',
    ...ARUBA_ARCHIVE_SERVERS,
    // The reference provider's own IMAPS (Dovecot) and SMTPS on loopback, its default ports; its status names them too.
    imap: { host: '127.0.0.1', port: 8993, security: 'ssl' },
    smtp: { host: '127.0.0.1', port: 8465, security: 'ssl' },
    upgradeUrl: `${origins[0]}/#/piani`,
  };
}

/**
 * The reference provider with its archive API apart from the webmail: the demo webmail on `localhost`, the API on
 * `127.0.0.1` (another origin, another cookie jar), so the archive has its own sign-in as behind a third-party webmail.
 */
export function referenceApartProfile(port: number): ProviderProfile {
  const webmail = `http://localhost:${port}`;
  return {
    ...referenceProfile(port),
    id: 'reference-apart',
    webmailMatches: [`${webmail}/*`],
    webmailOrigins: [webmail],
    webmailUrl: `${webmail}/`,
    archiveEntryUrl: `${webmail}/#/archivio`,
    apiOrigin: `http://127.0.0.1:${port}`,
    upgradeUrl: `${webmail}/#/piani`,
  };
}

export const DEFAULT_DEMO_PORT = 8787;
export const DEFAULT_ROUNDCUBE_PORT = 8788;

/**
 * Roundcube 1.6 on loopback (`server/roundcube/`) as the webmail, in front of the reference provider: Roundcube reads
 * the mailbox over IMAP, the archive API stays on the provider's own origin with its own sign-in.
 */
export function roundcubeDemoProfile(roundcubePort: number, providerPort: number): ProviderProfile {
  const origins = [`http://127.0.0.1:${roundcubePort}`, `http://localhost:${roundcubePort}`];
  return {
    ...referenceProfile(providerPort),
    id: 'roundcube-demo',
    name: 'Roundcube + Archivio reference provider',
    webmailMatches: origins.map((origin) => `${origin}/*`),
    webmailOrigins: origins,
    webmailUrl: `${origins[0]}/`,
    // The Roundcube adapter's route: a fragment on the mail task, which Roundcube's own navigation leaves alone.
    archiveEntryUrl: `${origins[0]}/?_task=mail#archivio`,
    apiOrigin: `http://127.0.0.1:${providerPort}`,
  };
}

function portOr(value: string | undefined, fallback: number): number {
  const port = Number(value);
  return Number.isInteger(port) && port > 0 ? port : fallback;
}

/**
 * Which profile a build carries: the store build targets the real provider, `--mode demo` the reference one,
 * `--mode demo-apart` the reference one with its API on another origin than its webmail,
 * `--mode roundcube-demo` Roundcube (WXT_ROUNDCUBE_PORT) in front of the reference one (WXT_DEMO_PORT).
 */
export function profileForBuild(mode: string, demoPort?: string, roundcubePort?: string): ProviderProfile {
  if (mode === 'roundcube-demo') return roundcubeDemoProfile(portOr(roundcubePort, DEFAULT_ROUNDCUBE_PORT), portOr(demoPort, DEFAULT_DEMO_PORT));
  if (mode === 'demo-apart') return referenceApartProfile(portOr(demoPort, DEFAULT_DEMO_PORT));
  if (mode !== 'demo') return arubaProfile;
  return referenceProfile(portOr(demoPort, DEFAULT_DEMO_PORT));
}

/** The origin the archive API is called on for a webmail origin: the profile's `apiOrigin`, else the webmail's own. */
export function apiOriginFor(profile: ProviderProfile, webmailOrigin: string): string {
  return profile.apiOrigin ?? webmailOrigin;
}

/** The webmail origin a URL belongs to, if it is one of the profile's. */
export function webmailOriginOf(profile: ProviderProfile, url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return profile.webmailOrigins.includes(origin) ? origin : null;
  } catch {
    return null;
  }
}
