import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTMASTER_PAGE_MESSAGES } from '@/entrypoints/postmaster-page.content/page-messages';
import { WEBMAIL_PAGE_MESSAGES } from '@/entrypoints/webmail.content/page-messages';
import { LANGUAGES } from '@/utils/i18n/merge';
import type { PageMessages } from '@/utils/i18n/webmail-page';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Each content script: the folders of the code it runs in the webmail page, and the messages it bundles. */
const SCRIPTS: { name: string; sources: string[]; messages: PageMessages }[] = [
  { name: 'webmail', sources: ['entrypoints/webmail.content', 'utils/webmail'], messages: WEBMAIL_PAGE_MESSAGES },
  { name: 'postmaster-page', sources: ['entrypoints/postmaster-page.content'], messages: POSTMASTER_PAGE_MESSAGES },
];

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every key given literally to `t(…)` or `pluralKey(…)` in a script's code. */
function keysDrawnBy(sources: string[]): Set<string> {
  const keys = new Set<string>();
  for (const file of sources.flatMap(sourcesUnder)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1] as string);
    // A pluralized message, `t(pluralKey('base', n, locale))`, draws both of its forms.
    for (const match of source.matchAll(/\bpluralKey\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(`${match[1]}_one`).add(`${match[1]}_other`);
  }
  return keys;
}

describe("the content scripts' bundled messages", () => {
  it('finds the keys the page draws (the scan itself works)', () => {
    expect(keysDrawnBy(SCRIPTS[0]!.sources)).toContain('archiveTab_navLabel');
    expect(keysDrawnBy(SCRIPTS[1]!.sources)).toContain('postmaster_columnTitle');
    expect(keysDrawnBy(SCRIPTS[1]!.sources)).toContain('postmaster_bulkSelected_other');
  });

  for (const script of SCRIPTS) {
    for (const language of LANGUAGES) {
      it(`hold every key the ${script.name} script draws, and only those, in ${language}`, () => {
        const drawn = keysDrawnBy(script.sources);
        const bundled = script.messages[language];
        for (const key of drawn) expect(bundled[key]?.message, `${language}: ${key}`).toBeTruthy();
        // A key bundled but never drawn is carried into the webmail page for nothing.
        expect(Object.keys(bundled).filter((key) => !drawn.has(key))).toEqual([]);
      });
    }
  }
});
