// The failed-detection report: page structure only, never text, labels, addresses or other values that carry mail.
import { describe, expect, it } from 'vitest';
import { censoredOutline } from '@/utils/webmail/censor';
import { loadFixture } from './fixture';

describe('censored outline', () => {
  it('keeps tags, safe ids, classes and keyword attributes of the demo inbox but none of its text', () => {
    const doc = loadFixture('demo-2026-11-29-inbox.html');
    const outline = censoredOutline(doc.body);
    expect(outline).toContain('header.topbar');
    expect(outline).toContain('main#content[data-view=posta]');
    expect(outline).toContain('nav.main-nav[aria-label]');
    const texts = [...doc.querySelectorAll('li[data-message-id] .subject, li[data-message-id] .sender, li[data-message-id] .snippet')]
      .map((element) => element.textContent!.trim())
      .filter((text) => text.length > 3);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(outline).not.toContain(text);
    for (const secret of ['mario.rossi', 'Mario Rossi', 'Posta in arrivo', 'Navigazione principale', 'aM_']) expect(outline).not.toContain(secret);
    // Same-shaped siblings are summarised instead of listed one by one.
    expect(outline).toMatch(/… ×\d+ li/);
  });

  it('walks open shadow roots and drops aria-label values and generated attributes', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    const outline = censoredOutline(doc.body);
    expect(outline).toContain('#shadow-root');
    expect(outline).toContain('ul.aru-navbar__list');
    expect(outline).toContain('div.message-row[role=row][aria-label]');
    for (const secret of ['Fattura', 'Giulia', 'riservata', '4471', 'Peppe', 'mario.rossi', '_ngcontent', 'Posta'])
      expect(outline).not.toContain(secret);
  });

  it('stays bounded on a huge page', () => {
    document.body.innerHTML = '';
    for (let index = 0; index < 3000; index += 1) {
      const row = document.createElement(index % 2 ? 'p' : 'div');
      row.className = `row-${index % 7 ? 'a' : 'b'}`;
      document.body.append(row);
    }
    const lines = censoredOutline(document.body, { maxNodes: 100 }).split('\n');
    expect(lines.length).toBeLessThanOrEqual(102);
  });
});
