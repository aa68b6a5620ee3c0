// Delivery rules: which mailboxes a recipient reaches and whether that copy may be archived (direct address only).
export type Via = 'direct' | 'alias' | 'forward';

export interface Redirect {
  address: string;
  target: string;
  kind: 'alias' | 'forward';
}

export interface Delivery {
  mailbox: string;
  via: Via;
}

export interface Directory {
  isMailbox(address: string): boolean;
  redirect(address: string): Redirect | null;
}

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** Resolves one envelope recipient; null when the address is not ours. */
export function resolveRecipient(directory: Directory, rawAddress: string): Delivery | null {
  const address = normalizeAddress(rawAddress);
  if (directory.isMailbox(address)) return { mailbox: address, via: 'direct' };
  const redirect = directory.redirect(address);
  if (redirect) return { mailbox: redirect.target, via: redirect.kind };
  return null;
}

/**
 * One delivery per mailbox. If a mailbox is reached both directly and through an alias or forward,
 * the direct delivery wins, so the archive gets its copy exactly once.
 */
export function planDeliveries(directory: Directory, recipients: string[]): Delivery[] {
  const byMailbox = new Map<string, Delivery>();
  for (const recipient of recipients) {
    const delivery = resolveRecipient(directory, recipient);
    if (!delivery) continue;
    const known = byMailbox.get(delivery.mailbox);
    if (!known || (known.via !== 'direct' && delivery.via === 'direct')) byMailbox.set(delivery.mailbox, delivery);
  }
  return [...byMailbox.values()];
}

/** Archive copy rule: only for mail addressed directly to the mailbox, and only while its archive is on. */
export function archivesCopy(delivery: Delivery, archiveEnabled: boolean): boolean {
  return archiveEnabled && delivery.via === 'direct';
}
