import { describe, expect, it } from 'vitest';
import { apiOriginFor, arubaProfile, profileForBuild, referenceProfile, webmailOriginOf } from '@/utils/providers/profile';
import { sessionScope } from '@/utils/background/session-scope';

describe('provider profiles', () => {
  it('gives the store build the real webmail only', () => {
    const profile = profileForBuild('production');
    expect(profile).toBe(arubaProfile);
    expect(profile.webmailMatches).toEqual(['https://webmail.aruba.it/new/*']);
    expect(profile.webmailOrigins).toEqual(['https://webmail.aruba.it']);
    expect(profile.imap).toEqual({ host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' });
    expect(profile.smtp).toEqual({ host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' });
    expect(profile.archiveDomain).toBe('archivio.postassl.it');
  });

  it('gives the demo build the reference provider on loopback, port configurable', () => {
    expect(profileForBuild('demo').webmailOrigins).toEqual(['http://127.0.0.1:8787', 'http://localhost:8787']);
    expect(profileForBuild('demo', '9100').webmailMatches).toEqual(['http://127.0.0.1:9100/*', 'http://localhost:9100/*']);
    expect(profileForBuild('demo', 'nonsense').webmailOrigins[0]).toBe('http://127.0.0.1:8787');
  });

  it('recognises only its own webmail origins', () => {
    const profile = referenceProfile(8787);
    expect(webmailOriginOf(profile, 'http://127.0.0.1:8787/#/posta')).toBe('http://127.0.0.1:8787');
    expect(webmailOriginOf(profile, 'http://127.0.0.1:8788/')).toBeNull();
    expect(webmailOriginOf(profile, 'https://evil.example/?u=http://127.0.0.1:8787')).toBeNull();
    expect(webmailOriginOf(profile, 'not a url')).toBeNull();
    expect(webmailOriginOf(profile, undefined)).toBeNull();
  });

  it('gives the roundcube-demo build Roundcube as the webmail and the provider as the archive API origin', () => {
    const profile = profileForBuild('roundcube-demo', '9100', '9200');
    expect(profile.id).toBe('roundcube-demo');
    expect(profile.webmailOrigins).toEqual(['http://127.0.0.1:9200', 'http://localhost:9200']);
    expect(profile.webmailMatches).toEqual(['http://127.0.0.1:9200/*', 'http://localhost:9200/*']);
    expect(profile.apiOrigin).toBe('http://127.0.0.1:9100');
    expect(profile.archiveEntryUrl).toBe('http://127.0.0.1:9200/?_task=mail#archivio');
    expect(profile.imap).toEqual(referenceProfile(9100).imap);
    expect(profileForBuild('roundcube-demo').webmailOrigins[0]).toBe('http://127.0.0.1:8788');
    expect(profileForBuild('roundcube-demo').apiOrigin).toBe('http://127.0.0.1:8787');
  });

  it('calls the API beside the webmail unless the profile puts it apart', () => {
    expect(apiOriginFor(arubaProfile, 'https://webmail.aruba.it')).toBe('https://webmail.aruba.it');
    const apart = profileForBuild('demo-apart', '9100');
    expect(apart.webmailOrigins).toEqual(['http://localhost:9100']);
    expect(apart.apiOrigin).toBe('http://127.0.0.1:9100');
    expect(apiOriginFor(apart, 'http://localhost:9100')).toBe('http://127.0.0.1:9100');
  });

  it('shares one archive session among the webmail origins calling the same API', () => {
    const beside = sessionScope(referenceProfile(9100));
    expect(beside.signInAt).toBe('webmail');
    expect(beside.keyOf('http://localhost:9100')).toBe('http://localhost:9100');
    expect(beside.sharing('http://localhost:9100')).toEqual(['http://localhost:9100']);

    const both = sessionScope({ ...referenceProfile(9100), apiOrigin: 'https://archivio.example.it' });
    expect(both.signInAt).toBe('archive');
    expect(both.keyOf('http://localhost:9100')).toBe('https://archivio.example.it');
    expect(both.keyOf('http://127.0.0.1:9100')).toBe('https://archivio.example.it');
    expect(both.sharing('http://localhost:9100')).toEqual(['http://127.0.0.1:9100', 'http://localhost:9100']);
  });
});
