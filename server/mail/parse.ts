// MIME parsing through postal-mime: the fields we index at intake, and the detail/attachments read on demand.
import PostalMime from 'postal-mime';
import type { Address, Email, Mailbox } from 'postal-mime';

export interface Addr {
  name: string;
  address: string;
}

export interface IndexFields {
  messageId: string;
  from: Addr;
  to: Addr[];
  subject: string;
  hasAttachments: boolean;
  snippet: string;
  searchText: string;
  fromSearch: string;
  toSearch: string;
}

export interface AttachmentInfo {
  index: number;
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
}

export interface DetailParts {
  cc: Addr[];
  replyTo: Addr[];
  headers: Array<{ name: string; value: string }>;
  text: string | null;
  html: string | null;
  attachments: AttachmentInfo[];
}

const SNIPPET_CHARS = 200;
const SEARCH_CHARS = 100_000;

async function parse(raw: Buffer): Promise<Email> {
  return PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
}

export function flattenAddresses(list: Address[] | Address | undefined): Addr[] {
  if (!list) return [];
  const items = Array.isArray(list) ? list : [list];
  const out: Addr[] = [];
  for (const item of items) {
    if (item.group) for (const member of item.group) out.push(toAddr(member));
    else out.push(toAddr(item as Mailbox));
  }
  return out.filter((a) => a.address !== '' || a.name !== '');
}

function toAddr(mailbox: Mailbox): Addr {
  return { name: mailbox.name ?? '', address: (mailbox.address ?? '').toLowerCase() };
}

/** Plain text of an HTML body for snippets and search only (the result is never rendered as HTML). */
function htmlToText(html: string): string {
  return html
    .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&');
}

function bodyText(email: Email): string {
  if (email.text && email.text.trim() !== '') return email.text;
  return email.html ? htmlToText(email.html) : '';
}

function userVisibleAttachments(email: Email): Email['attachments'] {
  return email.attachments.filter((a) => !a.related);
}

export async function parseForIndex(raw: Buffer): Promise<IndexFields> {
  const email = await parse(raw);
  const from = flattenAddresses(email.from)[0] ?? { name: '', address: '' };
  const to = flattenAddresses(email.to);
  const cc = flattenAddresses(email.cc);
  const subject = (email.subject ?? '').slice(0, 2000);
  const text = bodyText(email).replace(/\s+/g, ' ').trim();
  return {
    messageId: (email.messageId ?? '').slice(0, 998),
    from,
    to,
    subject,
    hasAttachments: userVisibleAttachments(email).length > 0,
    snippet: text.slice(0, SNIPPET_CHARS),
    searchText: `${subject}\n${text}`.slice(0, SEARCH_CHARS).toLowerCase(),
    fromSearch: `${from.name} ${from.address}`.toLowerCase(),
    toSearch: [...to, ...cc]
      .map((a) => `${a.name} ${a.address}`)
      .join('\n')
      .toLowerCase(),
  };
}

export async function parseDetail(raw: Buffer): Promise<DetailParts> {
  const email = await parse(raw);
  return {
    cc: flattenAddresses(email.cc),
    replyTo: flattenAddresses(email.replyTo),
    headers: email.headers.map((h) => ({ name: h.originalKey, value: h.value })),
    text: email.text ?? null,
    html: email.html ?? null,
    attachments: email.attachments.map((a, index) => ({
      index,
      filename: a.filename ?? `allegato-${index + 1}`,
      contentType: a.mimeType || 'application/octet-stream',
      size: contentBytes(a.content).byteLength,
      contentId: a.contentId ?? null,
    })),
  };
}

export async function extractAttachment(raw: Buffer, index: number): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  const email = await parse(raw);
  const attachment = email.attachments[index];
  if (!attachment) return null;
  return {
    filename: attachment.filename ?? `allegato-${index + 1}`,
    contentType: attachment.mimeType || 'application/octet-stream',
    content: Buffer.from(contentBytes(attachment.content)),
  };
}

function contentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}
