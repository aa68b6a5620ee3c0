// Chrome's rules for the match patterns of a manifest (extensions/common/url_pattern.cc and the manifest handlers),
// so a build whose patterns Chrome would refuse fails a test instead of failing silently at load.

const SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file', 'urn', '*']);

/** Why Chrome refuses `pattern` as a match pattern, or null if it parses. */
export function matchPatternError(pattern: string): string | null {
  if (pattern === '<all_urls>') return null;
  const separator = pattern.indexOf('://');
  if (separator < 0) return 'missing "://" after the scheme';
  const scheme = pattern.slice(0, separator);
  if (!SCHEMES.has(scheme)) return `scheme "${scheme}" is not allowed`;
  const rest = pattern.slice(separator + 3);
  const slash = rest.indexOf('/');
  if (slash < 0) return 'empty path (a pattern needs at least "/")';
  const hostAndPort = rest.slice(0, slash);
  if (hostAndPort === '' && scheme !== 'file') return 'empty host';
  const { host, port } = splitPort(hostAndPort);
  if (port !== null && !/^(\*|\d{1,5})$/.test(port)) return `invalid port "${port}"`;
  if (host !== '*') {
    const name = host.startsWith('*.') ? host.slice(2) : host;
    if (name.includes('*')) return 'a host wildcard may only be "*" or a leading "*."';
  }
  return null;
}

function splitPort(hostAndPort: string): { host: string; port: string | null } {
  const ipv6End = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']') : -1;
  const colon = hostAndPort.indexOf(':', ipv6End + 1);
  if (colon < 0) return { host: hostAndPort, port: null };
  return { host: hostAndPort.slice(0, colon), port: hostAndPort.slice(colon + 1) };
}

export function pathOf(pattern: string): string {
  const rest = pattern.slice(pattern.indexOf('://') + 3);
  return rest.slice(rest.indexOf('/'));
}

/** Chrome requires origin patterns (path exactly `/*`) in `web_accessible_resources[].matches`. */
export function webAccessibleMatchError(pattern: string): string | null {
  const error = matchPatternError(pattern);
  if (error) return error;
  if (pattern !== '<all_urls>' && pathOf(pattern) !== '/*') return `path "${pathOf(pattern)}" (must be "/*": origins only)`;
  return null;
}

interface ManifestLike {
  manifest_version?: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: (string | { resources?: string[]; matches?: string[]; extension_ids?: string[] })[];
  content_scripts?: { matches?: string[]; exclude_matches?: string[] }[];
}

/** Every pattern of the manifest that Chrome would refuse, as "field: pattern — reason". */
export function manifestPatternProblems(manifest: ManifestLike): string[] {
  const problems: string[] = [];
  const check = (field: string, patterns: string[] | undefined, rule: (pattern: string) => string | null) => {
    for (const pattern of patterns ?? []) {
      const error = rule(pattern);
      if (error) problems.push(`${field}: ${pattern} — ${error}`);
    }
  };
  check('host_permissions', manifest.host_permissions, matchPatternError);
  check('optional_host_permissions', manifest.optional_host_permissions, matchPatternError);
  // Manifest V2 lists host patterns among the permissions; API permission names have no "://".
  check(
    'permissions',
    manifest.permissions?.filter((entry) => entry.includes('://') || entry === '<all_urls>'),
    matchPatternError,
  );
  manifest.content_scripts?.forEach((script, index) => {
    if (!script.matches?.length) problems.push(`content_scripts[${index}].matches: missing`);
    check(`content_scripts[${index}].matches`, script.matches, matchPatternError);
    check(`content_scripts[${index}].exclude_matches`, script.exclude_matches, matchPatternError);
  });
  manifest.web_accessible_resources?.forEach((entry, index) => {
    if (typeof entry === 'string') {
      if ((manifest.manifest_version ?? 3) >= 3) problems.push(`web_accessible_resources[${index}]: a plain string in Manifest V3`);
      return;
    }
    if (!entry.matches?.length && !entry.extension_ids?.length) problems.push(`web_accessible_resources[${index}]: no matches or extension_ids`);
    check(`web_accessible_resources[${index}].matches`, entry.matches, webAccessibleMatchError);
  });
  return problems;
}
