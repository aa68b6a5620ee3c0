// A tiny XML writer: every text and attribute value is escaped, so no value can break out of its element.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 cannot carry at all (C0 controls except tab/newline/return, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export type XmlNode = XmlElement | string;

export interface XmlElement {
  name: string;
  attributes?: Record<string, string>;
  /** `undefined` writes a self-closing element (`<true/>`). */
  children?: XmlNode[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export function element(name: string, attributes: Record<string, string> = {}, children?: XmlNode[]): XmlElement {
  return { name, attributes, children };
}

/** Serializes with two-space indentation; elements holding only text stay on one line. */
export function serialize(node: XmlNode, depth = 0): string {
  const indent = '  '.repeat(depth);
  if (typeof node === 'string') return indent + escapeXml(node);
  if (!NAME.test(node.name)) throw new Error(`invalid XML name: ${node.name}`);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => {
      if (!NAME.test(key)) throw new Error(`invalid XML attribute: ${key}`);
      return ` ${key}="${escapeXml(value)}"`;
    })
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.children === undefined) return `${open}/>`;
  if (node.children.every((child) => typeof child === 'string')) {
    return `${open}>${node.children.map((child) => escapeXml(child as string)).join('')}</${node.name}>`;
  }
  const inner = node.children.map((child) => serialize(child, depth + 1)).join('\n');
  return `${open}>\n${inner}\n${indent}</${node.name}>`;
}
