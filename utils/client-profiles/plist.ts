// Apple property lists (XML plist 1.0) from plain values, through the escaping XML writer.
import { element, serialize, type XmlElement } from './xml';

export type PlistValue = string | number | boolean | PlistValue[] | PlistDict;
/** Entries in the order they are written. */
export type PlistDict = { readonly [key: string]: PlistValue | undefined };

export function plistElement(value: PlistValue): XmlElement {
  if (typeof value === 'string') return element('string', {}, [value]);
  if (typeof value === 'boolean') return element(value ? 'true' : 'false');
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return element('real', {}, [String(value)]);
    return element('integer', {}, [String(value)]);
  }
  if (Array.isArray(value)) return element('array', {}, value.map(plistElement));
  const children: XmlElement[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    children.push(element('key', {}, [key]), plistElement(entry));
  }
  return element('dict', {}, children);
}

export function plistDocument(root: PlistDict): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    serialize(element('plist', { version: '1.0' }, [plistElement(root)])),
    '',
  ].join('\n');
}
