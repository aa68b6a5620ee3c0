import { describe, expect, it } from 'vitest';
import { arubaProfile, profileForBuild, referenceProfile, webmailOriginOf } from '@/utils/providers/profile';

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
});
