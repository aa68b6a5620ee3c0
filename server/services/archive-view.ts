// Read-side shapes of the archive API: ArchiveStatus, folder list, MessageSummary and message detail.
import { PRODUCT } from '../config';
import { parseDetail, type Addr, type DetailParts } from '../mail/parse';
import { nextPurge } from '../purge/schedule';
import { archiveAddressOf } from '../rules/archive-address';
import { purgeSchedule } from '../rules/retention';
import { isFull, PLANS } from '../rules/quota';
import type { FolderKind } from '../storage/archives';
import type { MessageRow } from '../storage/messages';
import { quotaOf } from './archive-store';
import type { Services } from './context';

const GROWTH_WINDOW_DAYS = 30;

export interface MessageSummary {
  id: string;
  folderId: string;
  messageId: string;
  date: string;
  from: Addr;
  to: Addr[];
  subject: string;
  size: number;
  hasAttachments: boolean;
  snippet: string;
  deleteFrom?: string;
  deleteTo?: string;
}

export interface FolderView {
  id: string;
  parentId: string | null;
  name: string;
  kind: FolderKind;
  month?: string;
  messageCount: number;
  bytes: number;
}

export function toSummary(row: MessageRow, retentionMonths: number | null): MessageSummary {
  const summary: MessageSummary = {
    id: row.id,
    folderId: row.folderId,
    messageId: row.messageId,
    date: new Date(row.dateMs).toISOString(),
    from: { name: row.fromName, address: row.fromAddress },
    to: row.to,
    subject: row.subject,
    size: row.size,
    hasAttachments: row.hasAttachments,
    snippet: row.snippet,
  };
  if (retentionMonths !== null) {
    const schedule = purgeSchedule(row.id, row.dateMs, retentionMonths);
    summary.deleteFrom = new Date(schedule.fromMs).toISOString();
    summary.deleteTo = new Date(schedule.toMs).toISOString();
  }
  return summary;
}

export async function toDetail<T extends object>(raw: Buffer, summary: T): Promise<T & DetailParts> {
  return { ...summary, ...(await parseDetail(raw)) };
}

/** The archive's IMAP/SMTP servers: the local IMAPS/SMTPS when this provider serves them, else the product's. */
function mailServers(s: Services): { imap: Record<string, unknown>; smtp: Record<string, unknown> } {
  const local = s.config.imap;
  if (!local) return { imap: { ...PRODUCT.imap }, smtp: { ...PRODUCT.smtp } };
  return {
    imap: { host: s.config.host, port: local.imapsPort, security: 'ssl' },
    smtp: { host: s.config.host, port: local.smtpsPort, security: 'ssl' },
  };
}

export function archiveStatus(s: Services, address: string): Record<string, unknown> {
  const archive = s.archives.get(address);
  if (!archive) throw new Error(`no archive row for ${address}`);
  const quotaBytes = quotaOf(s, address);
  const common = {
    address,
    plan: archive.plan,
    planName: PLANS[archive.plan].name,
    quotaBytes,
    archiveAddress: archiveAddressOf(address),
    ...mailServers(s),
    upgradeUrl: `${PRODUCT.upgradeUrl}?mailbox=${encodeURIComponent(address)}`,
    version: archive.version,
  };
  if (!archive.enabled) {
    return {
      ...common,
      enabled: false,
      writable: false,
      imapAccess: false,
      retentionMonths: null,
      usedBytes: 0,
      messageCount: 0,
      full: false,
      enabledAt: null,
      nextPurge: null,
      growth: { windowDays: GROWTH_WINDOW_DAYS, bytes: 0 },
    };
  }
  const totals = s.messages.totals('archive', address);
  const nowMs = s.clock.nowMs();
  const growth = s.messages.totals('archive', address, { afterMs: nowMs - GROWTH_WINDOW_DAYS * 86_400_000 });
  return {
    ...common,
    enabled: true,
    writable: archive.writable,
    imapAccess: archive.imapAccess,
    retentionMonths: archive.retentionMonths,
    usedBytes: totals.bytes,
    messageCount: totals.count,
    full: isFull(totals.bytes, quotaBytes, archive.fullFlag),
    enabledAt: archive.enabledAt,
    nextPurge: archive.retentionMonths === null ? null : nextPurge(s, address, archive.retentionMonths, nowMs),
    growth: { windowDays: GROWTH_WINDOW_DAYS, bytes: growth.bytes },
  };
}

/** Posta in arrivo (totals of its months), its months newest first, Posta inviata, then custom folders. */
export function folderList(s: Services, address: string): FolderView[] {
  const totals = s.messages.totalsByFolder('archive', address);
  const folders = s.archives.folders(address);
  const stat = (id: string) => totals.get(id) ?? { count: 0, bytes: 0 };
  const months = folders.filter((f) => f.kind === 'inbox-month').sort((a, b) => (a.id < b.id ? 1 : -1));
  const customs = folders.filter((f) => f.kind === 'custom').sort((a, b) => Number(a.id.slice(7)) - Number(b.id.slice(7)));
  const inboxTotals = months.reduce((acc, m) => ({ count: acc.count + stat(m.id).count, bytes: acc.bytes + stat(m.id).bytes }), {
    count: 0,
    bytes: 0,
  });
  const views: FolderView[] = [];
  for (const folder of folders.filter((f) => f.kind === 'inbox')) {
    views.push({ id: folder.id, parentId: null, name: folder.name, kind: 'inbox', messageCount: inboxTotals.count, bytes: inboxTotals.bytes });
  }
  for (const m of months) {
    views.push({
      id: m.id,
      parentId: 'inbox',
      name: m.name,
      kind: 'inbox-month',
      month: m.month ?? undefined,
      messageCount: stat(m.id).count,
      bytes: stat(m.id).bytes,
    });
  }
  for (const folder of [...folders.filter((f) => f.kind === 'sent'), ...customs]) {
    views.push({
      id: folder.id,
      parentId: null,
      name: folder.name,
      kind: folder.kind,
      messageCount: stat(folder.id).count,
      bytes: stat(folder.id).bytes,
    });
  }
  return views;
}

/** The message folders a listing of `folderId` covers ("inbox" = every month), or null when it does not exist. */
export function foldersCovered(s: Services, address: string, folderId: string): string[] | null {
  if (folderId === 'inbox')
    return s.archives
      .folders(address)
      .filter((f) => f.kind === 'inbox-month')
      .map((f) => f.id);
  return s.archives.folder(address, folderId) ? [folderId] : null;
}
