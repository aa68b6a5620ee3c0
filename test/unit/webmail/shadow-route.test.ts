// The shadow-root search helper and the fragment route used by the adapters.
import { describe, expect, it } from 'vitest';
import { fragmentRoute } from '@/utils/webmail/route';
import { deepFind, deepQuery, deepQueryAll, shadowRootsAbove } from '@/utils/webmail/shadow';
import { attachDeclarativeShadowRoots } from './fixture';

function build(html: string): HTMLElement {
  document.body.innerHTML = html;
  attachDeclarativeShadowRoots(document);
  return document.body;
}

describe('deep queries through open shadow roots', () => {
  it('finds elements in nested open shadow roots, not in closed ones', () => {
    const body = build(`
      <x-outer><template shadowrootmode="open">
        <x-inner><template shadowrootmode="open"><button class="deep">A</button></template></x-inner>
        <button class="mid">B</button>
      </template></x-outer>
      <x-secret><template shadowrootmode="closed"><button class="hidden">C</button></template></x-secret>
      <button class="light">D</button>`);
    expect(body.querySelector('.deep')).toBeNull();
    expect(deepQuery(body, '.deep')?.textContent).toBe('A');
    expect(deepQuery(body, '.hidden')).toBeNull();
    expect(
      deepQueryAll(body, 'button')
        .map((button) => button.textContent)
        .sort(),
    ).toEqual(['A', 'B', 'D']);
    expect(deepFind(body, 'button', (button) => button.textContent === 'B')?.className).toBe('mid');
    const deep = deepQuery(body, '.deep')!;
    expect(shadowRootsAbove(deep).map((root) => (root.host as Element).tagName)).toEqual(['X-INNER', 'X-OUTER']);
  });

  it('stops after its element budget', () => {
    const body = build('<div><div><div><span class="far"></span></div></div></div>');
    expect(deepFind(body, '.far', () => true, 3)).toBeNull();
    expect(deepFind(body, '.far', () => true)).not.toBeNull();
  });
});

describe('fragment route', () => {
  const route = fragmentRoute('#archivio');
  const page = new URL('https://webmail.aruba.it/new/mail/inbox?folder=1');

  it('keeps path and query, only the fragment changes', () => {
    expect(route.url(page, null).href).toBe('https://webmail.aruba.it/new/mail/inbox?folder=1#archivio');
    expect(route.url(page, 'expiring').hash).toBe('#archivio/expiring');
  });

  it('refuses view names that are not plain words', () => {
    expect(route.url(page, '../x<script>').hash).toBe('#archivio');
    expect(route.viewOf(new URL(`${page.href}#archivio/%3Cscript%3E`))).toBe('');
    expect(route.viewOf(new URL(`${page.href}#archivio`))).toBe('');
    expect(route.viewOf(new URL(`${page.href}#other`))).toBeNull();
  });
});
