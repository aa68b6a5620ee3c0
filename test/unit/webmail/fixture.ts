// Loads a committed webmail fixture into the test document, attaching declarative shadow roots by hand (jsdom's
// parser does not), and points the page's URL where the webmail lives.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../../fixtures/webmail');

/** Turns every `<template shadowrootmode>` under `root` into a real shadow root of its parent, nested ones too. */
export function attachDeclarativeShadowRoots(root: ParentNode): number {
  let attached = 0;
  for (const template of [...root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    template.remove();
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode });
    shadow.append(document.importNode(template.content, true));
    attached += 1 + attachDeclarativeShadowRoots(shadow);
  }
  return attached;
}

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(dir, name), 'utf8');
}

/**
 * Replaces the test document with the fixture; returns the document (the global one, same realm as the code).
 * `path` (same origin as the test page) becomes the page's URL.
 */
export function loadFixture(name: string, path?: string): Document {
  if (path) window.history.replaceState(null, '', path);
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  const html = document.importNode(parsed.documentElement, true);
  document.replaceChild(html, document.documentElement);
  attachDeclarativeShadowRoots(document);
  return document;
}
