// The whole popup against a stand-in background: signed out, offline, from cache, and live change events.
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '@/entrypoints/popup/Popup';
import { concernsOwnArchive } from '@/entrypoints/popup/use-popup-state';
import { ArchiveError } from '@/utils/api/errors';
import { useDictionary } from '@/utils/i18n';
import { referenceProfile } from '@/utils/providers/profile';
import { marioStatus } from '../client-profiles/fixtures';
import { renderForOrigin, standInBackground, useItalian } from './support';

const profile = referenceProfile(8787);
const ORIGIN = 'http://127.0.0.1:8787';
const MARIO = { address: 'mario.rossi@example.it', domain: 'example.it', role: 'user', displayName: 'Mario Rossi' };
const network = { source: 'network', fetchedAt: Date.now(), offline: false, stale: false };

beforeEach(useItalian);
afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

describe('Popup', () => {
  it('with no webmail session, says so and offers the webmail', async () => {
    standInBackground((call) => {
      if (call.name === 'session.get') return { origin: ORIGIN, me: null, offline: false };
      throw new ArchiveError('unauthenticated');
    });
    renderForOrigin(<Popup profile={profile} origin={ORIGIN} />, ORIGIN);
    await screen.findByText(/Nessuna sessione della webmail/);
    expect(screen.getByRole('link', { name: 'Apri la webmail' }).getAttribute('href')).toBe('http://127.0.0.1:8787/');
    expect(screen.queryByRole('button', { name: 'Apri Archivio' })).toBeNull();
  });

  it('with the archive apart from the webmail and no archive session, sends the user to sign in in the archive', async () => {
    standInBackground((call) => {
      if (call.name === 'session.get') return { origin: ORIGIN, me: null, offline: false, signInAt: 'archive' };
      throw new ArchiveError('unauthenticated');
    });
    renderForOrigin(<Popup profile={profile} origin={ORIGIN} />, ORIGIN);
    await screen.findByText(/L'Archivio ha un accesso suo/);
    expect(screen.getByRole('button', { name: 'Apri Archivio per accedere' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Apri la webmail' })).toBeNull();
    expect(document.querySelector('[data-state="sign-in-archive"]')).not.toBeNull();
  });

  it('offline without saved data, says the server cannot be reached and offers to retry', async () => {
    const calls = standInBackground(() => {
      throw new ArchiveError('network');
    });
    renderForOrigin(<Popup profile={profile} origin={ORIGIN} />, ORIGIN);
    await screen.findByText(/Impossibile raggiungere il server dell'archivio/);
    const before = calls.filter((call) => call.name === 'status.get').length;
    screen.getByRole('button', { name: 'Riprova' }).click();
    await waitFor(() => expect(calls.filter((call) => call.name === 'status.get').length).toBe(before + 1));
  });

  it('offline with saved data, shows them and says when they are from', async () => {
    standInBackground((call) => {
      if (call.name === 'session.get') return { origin: ORIGIN, me: MARIO, offline: true };
      return { value: marioStatus(), freshness: { source: 'cache', fetchedAt: Date.now(), offline: true, stale: true } };
    });
    renderForOrigin(<Popup profile={profile} origin={ORIGIN} />, ORIGIN);
    const banner = await screen.findByText(/Non in linea\. Ultimo aggiornamento:/);
    expect(banner.closest('[data-freshness]')?.getAttribute('data-freshness')).toBe('offline');
    expect(document.querySelector('[data-account]')?.getAttribute('data-account')).toBe('mario.rossi@example.it');
    expect(screen.getByRole('button', { name: 'Apri Archivio' })).toBeTruthy();
  });

  it('asks for its origin and re-renders when the background reports a status change', async () => {
    let usedBytes = 300 * 1024 * 1024;
    const calls = standInBackground((call) => {
      if (call.name === 'session.get') return { origin: ORIGIN, me: MARIO, offline: false };
      return { value: marioStatus({ usedBytes }), freshness: network };
    });
    renderForOrigin(<Popup profile={profile} origin={ORIGIN} />, ORIGIN);
    await screen.findByRole('meter');
    expect(calls.every((call) => call.payload.origin === ORIGIN)).toBe(true);
    expect(document.querySelector('[data-quota-warning]')).toBeNull();

    usedBytes = 0.97 * 1024 ** 3;
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'archivio/event', origin: ORIGIN, account: MARIO.address, scope: 'status', mailbox: MARIO.address },
      {},
    );
    await waitFor(() => expect(document.querySelector('[data-quota-warning]')?.getAttribute('data-quota-warning')).toBe('critical'));
  });
});

describe('change events the popup follows', () => {
  const event = (scope: string, extra: object = {}) => ({
    type: 'archivio/event' as const,
    origin: ORIGIN,
    account: MARIO.address,
    scope: scope as never,
    ...extra,
  });

  it('are session changes and status changes of its own mailbox only', () => {
    expect(concernsOwnArchive(event('session', { account: null }), MARIO.address)).toBe(true);
    expect(concernsOwnArchive(event('status', { mailbox: MARIO.address }), MARIO.address)).toBe(true);
    expect(concernsOwnArchive(event('mailbox', { mailbox: 'giulia.verdi@example.it' }), MARIO.address)).toBe(false);
    expect(concernsOwnArchive(event('listing', { folderIds: ['inbox'] }), MARIO.address)).toBe(false);
  });
});
