// Derives the archive mailbox address from a mailbox address, as the provider documents it.

const MAILBOX_ADDRESS = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/;
/**
 * What a mailbox address the provider hands out may look like: any local part of RFC 5322 (`o'neil`, `a/b`, `x{y}`
 * are real addresses, stricter "email" checks refuse them), no whitespace or control characters, one @, a dotted
 * domain. It only ever travels as data: into URL paths encoded, into the DOM as text.
 */
const PROVIDER_ADDRESS = /^[^@\s\p{Cc}]{1,64}@[^@\s\p{Cc}]+\.[^@\s\p{Cc}]+$/u;

export function isMailboxAddress(text: string): boolean {
  return text.length <= 254 && PROVIDER_ADDRESS.test(text);
}

export function parseMailboxAddress(address: string): { box: string; domain: string } | null {
  const match = MAILBOX_ADDRESS.exec(address.trim().toLowerCase());
  if (!match) return null;
  return { box: match[1]!, domain: match[2]! };
}

/** `box@domain.tld` → `box_domain.tld@<archiveDomain>`; `null` when the address is not a mailbox address. */
export function archiveAddressFor(mailbox: string, archiveDomain: string): string | null {
  const parsed = parseMailboxAddress(mailbox);
  if (!parsed) return null;
  return `${parsed.box}_${parsed.domain}@${archiveDomain}`;
}

/** The local part of a mailbox, used in the suggested client account name ("archivio casella <box>"). */
export function mailboxName(mailbox: string): string {
  return parseMailboxAddress(mailbox)?.box ?? mailbox;
}
