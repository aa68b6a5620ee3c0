// The privacy notice states what the code does (cache name and bound, permissions, the only host), and the page
// packaged from it is the same text, inert (no script), in both languages.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '@/utils/cache/archive-cache';
import { CACHE_DB_NAME } from '@/utils/cache/schema';
import { buildManifest, manifestPatterns } from '@/utils/providers/manifest';
import { arubaProfile } from '@/utils/providers/profile';
import { privacyPage, privacyPageBody } from '../../../scripts/privacy-page';

const ROOT = resolve(import.meta.dirname, '../../..');
const notice = readFileSync(resolve(ROOT, 'docs/privacy.md'), 'utf8');
const [italian, english] = notice.split('<!-- lang: en -->') as [string, string];

describe('the privacy notice', () => {
  it('names the cache, its bound and the host it talks to, in Italian and in English', () => {
    for (const text of [italian, english]) {
      expect(text).toContain(`\`${CACHE_DB_NAME}\``);
      expect(text).toContain(`${DEFAULT_MAX_BYTES / 1024 / 1024} MiB`);
      expect(text).toContain(`${arubaProfile.webmailOrigins[0]}${arubaProfile.apiPath}/`);
    }
  });

  it('explains every permission the store build asks for', () => {
    const manifest = buildManifest('production', 'chrome');
    const asked = [...manifest.permissions, ...manifestPatterns(arubaProfile).hostPermissions];
    for (const [text, heading] of [
      [italian, '### Permessi richiesti'],
      [english, '### Permissions'],
    ] as const) {
      const section = text.slice(text.indexOf(heading));
      const explained = [...section.matchAll(/^- `([^`]+)`:/gm)].map((match) => match[1]);
      expect(explained).toEqual(asked);
    }
  });

  it('becomes a static page with both languages and no script', () => {
    const page = privacyPage(notice);
    expect(page).not.toMatch(/<script|\son\w+=/i);
    expect(page).toContain('<section lang="it">');
    expect(page).toContain('<section lang="en">');
    expect(page).toContain('<code>archivio-cache</code>');
    expect(page).toContain('<title>Archivio — privacy</title>');
  });

  it('renders its Markdown subset and escapes everything else', () => {
    expect(privacyPageBody('## Titolo\n\nUn **punto** e `codice` <img src=x onerror=alert(1)>\nsu due righe.')).toBe(
      '<h2>Titolo</h2>\n<p>Un <strong>punto</strong> e <code>codice</code> &lt;img src=x onerror=alert(1)&gt; su due righe.</p>',
    );
    expect(privacyPageBody('- uno\n  continua\n  - sotto\n    ancora\n- due')).toBe(
      '<ul><li>uno continua<ul><li>sotto ancora</li></ul></li><li>due</li></ul>',
    );
  });
});
