// The content script follows the webmail's session on the captured demo webmail: it announces the page with the
// address shown as a hint, and asks for the archive's sign-out once when the page turns into the sign-in screen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { followSession, type SessionSignals } from '@/entrypoints/webmail.content/session-follow';
import { demoAdapter } from '@/utils/webmail/demo';
import { loadFixture } from './fixture';

let ctx: ContentScriptContext;
let count = 0;
let seen: string[];
const signals: SessionSignals = {
  announce: (hint) => void seen.push(`announce:${hint ?? ''}`),
  signedOut: () => void seen.push('signedOut'),
};

beforeEach(() => {
  ctx = new ContentScriptContext(`session-follow-test-${(count += 1)}`);
  seen = [];
});
afterEach(() => ctx.notifyInvalidated());

/** The demo webmail's own sign-out: its shell goes and the sign-in form takes the content area. */
function showSignIn() {
  document.querySelector('[data-account]')?.remove();
  const form = document.createElement('form');
  form.id = 'login-form';
  document.querySelector('main#content')!.replaceChildren(form);
}

describe('following the webmail session', () => {
  it('announces a signed-in page once with the address it shows, then only when that address changes', () => {
    loadFixture('demo-2026-11-29-inbox.html', '/#/posta/inbox');
    const follow = followSession(ctx, demoAdapter, document, signals);
    follow.look();
    follow.look();
    expect(seen).toEqual(['announce:mario.rossi@example.it']);
    document.querySelector('[data-account]')!.setAttribute('data-account', 'giulia.verdi@example.it');
    follow.look();
    expect(seen).toEqual(['announce:mario.rossi@example.it', 'announce:giulia.verdi@example.it']);
  });

  it('asks for the sign-out once when the page becomes the sign-in screen, and announces again after a sign-in', () => {
    loadFixture('demo-2026-11-29-inbox.html', '/#/posta/inbox');
    const follow = followSession(ctx, demoAdapter, document, signals);
    showSignIn();
    follow.look();
    follow.look();
    expect(seen).toEqual(['announce:mario.rossi@example.it', 'signedOut']);
    loadFixture('demo-2026-11-29-inbox.html', '/#/posta/inbox');
    follow.look();
    expect(seen).toEqual(['announce:mario.rossi@example.it', 'signedOut', 'announce:mario.rossi@example.it']);
  });

  it('on a page that opens on the sign-in screen, only signs out (no announce that could confirm a stale session)', () => {
    loadFixture('demo-2026-11-29-inbox.html', '/#/posta/inbox');
    showSignIn();
    followSession(ctx, demoAdapter, document, signals);
    expect(seen).toEqual(['signedOut']);
  });

  it('hears the change by itself after the burst of mutations', async () => {
    loadFixture('demo-2026-11-29-inbox.html', '/#/posta/inbox');
    followSession(ctx, demoAdapter, document, signals);
    showSignIn();
    await new Promise((done) => setTimeout(done, 400));
    expect(seen).toEqual(['announce:mario.rossi@example.it', 'signedOut']);
  });
});
