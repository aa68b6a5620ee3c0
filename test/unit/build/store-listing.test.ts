// The store listings quote the manifest's name and short description as the extension ships them, within the
// stores' limits (Chrome: name 75 characters, description 132).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLocale } from '@/utils/i18n/merge';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The text under a `## heading` of a listing, up to the next heading. */
function section(markdown: string, heading: RegExp): string {
  const start = markdown.split('\n').findIndex((line) => line.startsWith('## ') && heading.test(line));
  expect(start, String(heading)).toBeGreaterThan(-1);
  const rest = markdown.split('\n').slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  return rest
    .slice(0, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

describe.each([
  { language: 'it', shortHeading: /^## Descrizione breve/ },
  { language: 'en', shortHeading: /^## Short description/ },
] as const)('the $language store listing', ({ language, shortHeading }) => {
  const listing = readFileSync(resolve(ROOT, `docs/store/${language}.md`), 'utf8');
  const messages = mergeLocale(resolve(ROOT, 'locales'), language);

  it("quotes the manifest's name and short description, within Chrome's limits", () => {
    expect(section(listing, /^## (Nome|Name)$/)).toBe(messages.extName!.message);
    expect(section(listing, shortHeading)).toBe(messages.extDescription!.message);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});
