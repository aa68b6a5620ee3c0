// Addresses from outside (frame URLs, provider replies): only http(s) ones are used.
import { describe, expect, it } from 'vitest';
import { httpOrigin, httpUrl } from '@/utils/url/http';

describe('http addresses from outside', () => {
  it('keeps only http(s) origins and links', () => {
    expect(httpOrigin('http://127.0.0.1:8787/#/posta')).toBe('http://127.0.0.1:8787');
    expect(httpOrigin('https://webmail.example.it/x')).toBe('https://webmail.example.it');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'chrome-extension://abc/', 'not a url', '', null, undefined])
      expect(httpOrigin(bad)).toBeNull();
    expect(httpUrl('https://provider.example/piani', 'https://fallback/')).toBe('https://provider.example/piani');
    expect(httpUrl('javascript:alert(1)', 'https://fallback/')).toBe('https://fallback/');
    expect(httpUrl(undefined, 'https://fallback/')).toBe('https://fallback/');
  });
});
