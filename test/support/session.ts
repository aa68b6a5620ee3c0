// A fetch that carries one webmail session cookie, as the browser does for the extension (real HTTP, no mock).

/** What Chromium sends as `Origin` on the extension's writes; the provider accepts writes only from it or the webmail. */
const EXTENSION_ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;

export interface SessionFetch {
  fetch: typeof fetch;
  cookie(): string | null;
}

export async function signIn(baseUrl: string, address: string, password = 'archivio-demo'): Promise<SessionFetch> {
  const response = await fetch(new URL('/api/session', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(baseUrl).origin },
    body: JSON.stringify({ address, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed for ${address}: ${response.status}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    cookie: () => cookie,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Cookie', cookie);
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD' && !headers.has('Origin')) headers.set('Origin', EXTENSION_ORIGIN);
      return fetch(input, { ...init, headers });
    },
  };
}

/** Test-mode control of the provider (fault injection, clock, quota): see docs/archive-api.md. */
export async function testControl(baseUrl: string, path: string, body: unknown = {}, method = 'POST'): Promise<unknown> {
  const response = await fetch(new URL(`/api/test/${path}`, baseUrl), {
    method,
    headers: { 'Content-Type': 'application/json', Origin: new URL(baseUrl).origin },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`test control ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/**
 * A browser's cookie jar for the extension's own requests (real HTTP): each response's cookies are kept per host, as
 * a browser keeps them (a cookie has no port), and sent back to that host; writes carry the extension's `Origin`.
 * `offline` sends every request to a closed port instead, so the network really fails.
 */
export interface BrowserFetch {
  fetch: typeof fetch;
  /** The session cookie kept for a host, if any. */
  cookie(host: string): string | null;
  urls: string[];
  offline: boolean;
}

export function browserFetch(closedPort = 9): BrowserFetch {
  const jar = new Map<string, Map<string, string>>();
  const jarFor = (host: string) => jar.get(host) ?? jar.set(host, new Map()).get(host)!;
  const state: BrowserFetch = {
    urls: [],
    offline: false,
    cookie: (host) => jar.get(host)?.get('archivio_session') ?? null,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      state.urls.push(`${init?.method ?? 'GET'} ${url.href}`);
      const headers = new Headers(init?.headers);
      const cookies = [...jarFor(url.hostname)].map(([name, value]) => `${name}=${value}`).join('; ');
      if (cookies) headers.set('Cookie', cookies);
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') headers.set('Origin', EXTENSION_ORIGIN);
      if (state.offline) url.port = String(closedPort);
      const response = await fetch(url, { ...init, headers });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const [name = '', ...value] = pair.trim().split('=');
        const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
        if (expired || value.join('=') === '') jarFor(url.hostname).delete(name);
        else jarFor(url.hostname).set(name, value.join('='));
      }
      return response;
    },
  };
  return state;
}
