// A Roundcube client over plain HTTP, as a browser without JavaScript would be one: a cookie jar, the login form
// with its CSRF token, and the AJAX requests Roundcube's own pages make (with their request token header).
export class RoundcubeHttp {
  private readonly cookies = new Map<string, string>();
  private requestToken = '';

  constructor(readonly base: string) {}

  async fetch(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(new URL(url, this.base), { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || value === '-del-' || /expires=Thu, 01[- ]Jan[- ]1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Signs in through the real login form; returns the status of the form's answer (302 on success). */
  async login(user: string, password: string): Promise<{ status: number; location: string | null }> {
    const page = await (await this.fetch('./?_task=login')).text();
    const token = /name="_token" value="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error('no CSRF token on the login page');
    const res = await this.fetch('./?_task=login', {
      form: { _token: token, _task: 'login', _action: 'login', _timezone: 'Europe/Rome', _url: '', _user: user, _pass: password },
    });
    await res.arrayBuffer();
    if (res.status === 302) {
      const mail = await (await this.fetch('./?_task=mail&_mbox=INBOX')).text();
      this.requestToken = /"request_token":"([^"]+)"/.exec(mail)?.[1] ?? '';
    }
    return { status: res.status, location: res.headers.get('location') };
  }

  /** The message list Roundcube's mail view asks for over AJAX; the raw JSON text of its answer. */
  async listText(mailbox = 'INBOX'): Promise<string> {
    const res = await this.fetch(`./?_task=mail&_action=list&_mbox=${encodeURIComponent(mailbox)}&_page=1&_remote=1`, {
      headers: { 'x-roundcube-request': this.requestToken, 'x-requested-with': 'XMLHttpRequest' },
    });
    return res.text();
  }
}
