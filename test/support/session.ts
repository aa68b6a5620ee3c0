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
