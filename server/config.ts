// Provider configuration: CLI flags and environment resolved into one typed object, plus product constants.
import path from 'node:path';

export interface ProviderConfig {
  port: number;
  smtpPort: number;
  host: string;
  dataDir: string;
  seed: 'demo' | null;
  seedSize: SeedSize;
  testMode: boolean;
  /** The origin users reach the webmail at (e.g. https://webmail.example.it), when it is not the listening address. */
  publicOrigin: string | null;
  /** The archive's IMAPS and SMTPS ports (Dovecot, when installed); null with --no-imap. */
  imap: { imapsPort: number; smtpsPort: number } | null;
}

export type SeedSize = 'full' | 'small';

export const PRODUCT = {
  domain: 'example.it',
  archiveHost: 'archivio.postassl.it',
  imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' as const },
  smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' as const },
  upgradeUrl: 'https://archivio.postassl.it/upgrade',
  mailboxQuotaBytes: 5 * 1024 ** 3,
  sessionIdleMs: 8 * 60 * 60 * 1000,
  maxBodyBytes: 1024 * 1024,
  maxMessageBytes: 25 * 1024 * 1024,
  /** SMTP intake limits: connections at once, recipients per message, commands per connection (burst, then per second). */
  smtpIntake: { maxClients: 50, maxRecipients: 100, commandPace: { burst: 200, perSecond: 20 } },
  purgeIntervalMs: 60 * 60 * 1000,
  timeZone: 'Europe/Rome',
  apiVersion: '1.3.0',
} as const;

function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name}: not a port number: ${value}`);
  return port;
}

/** An http(s) origin with nothing after it, as browsers write it in `Origin`. */
export function parseOrigin(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`public-origin: not a URL: ${value}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value.replace(/\/$/, '')) {
    throw new Error(`public-origin: an http(s) origin without path is needed, like https://webmail.example.it, got ${value}`);
  }
  return url.origin;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/**
 * Reads flags (`--seed demo`, `--test-mode`, `--port N`, `--smtp-port N`, `--imaps-port N`, `--smtps-port N`,
 * `--no-imap`, `--data DIR`, `--seed-size small`, `--public-origin URL`) over env defaults.
 */
export function resolveConfig(argv: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): ProviderConfig {
  const known = new Set(['seed', 'test-mode', 'port', 'smtp-port', 'imaps-port', 'smtps-port', 'no-imap', 'data', 'seed-size', 'public-origin']);
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.has(name)) throw new Error(`unknown flag --${name}`);
    if (name === 'test-mode' || name === 'no-imap') {
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, value);
  }

  const flag = (name: string): string | undefined => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const seed = flag('seed');
  if (seed !== undefined && seed !== 'demo') throw new Error(`--seed: only "demo" is known, got ${seed}`);
  const seedSize = flag('seed-size') ?? 'full';
  if (seedSize !== 'full' && seedSize !== 'small') throw new Error(`--seed-size: "full" or "small", got ${seedSize}`);
  return {
    port: parsePort(flag('port') ?? env.PORT, 8787, 'port'),
    smtpPort: parsePort(flag('smtp-port') ?? env.SMTP_PORT, 2525, 'smtp-port'),
    host: '127.0.0.1',
    dataDir: path.resolve(cwd, flag('data') ?? env.ARCHIVIO_DATA ?? '.data/provider'),
    seed: seed === 'demo' ? 'demo' : null,
    seedSize,
    testMode: flags.has('test-mode') || truthy(env.ARCHIVIO_TEST_MODE),
    publicOrigin: parseOrigin(flag('public-origin') ?? env.ARCHIVIO_PUBLIC_ORIGIN),
    imap: flags.has('no-imap')
      ? null
      : {
          imapsPort: parsePort(flag('imaps-port') ?? env.IMAPS_PORT, 8993, 'imaps-port'),
          smtpsPort: parsePort(flag('smtps-port') ?? env.SMTPS_PORT, 8465, 'smtps-port'),
        },
  };
}
