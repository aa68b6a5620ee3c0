// What the "Spazio archivio" cell says for one mailbox: space used / limit and the settings, or the enable action.
import type { MailboxList } from '@/utils/api/schemas';
import { quotaLevel, usageRatio } from '@/utils/rules/quota';
import { formatBytes, formatLocale } from '@/utils/format';
import { t } from '@/utils/i18n';

export type MailboxArchive = MailboxList['mailboxes'][number]['archive'];

export const CELL_CSS = `
:host { display: block; font: inherit; color: inherit; }
.usage { font-variant-numeric: tabular-nums; white-space: nowrap; }
.usage[data-level="critical"], .usage[data-level="full"] { color: #c0262d; font-weight: 600; }
:host([data-scheme="dark"]) .usage[data-level="critical"], :host([data-scheme="dark"]) .usage[data-level="full"] { color: #ff7b7b; }
.bar { display: block; width: 120px; max-width: 100%; height: 4px; margin: 4px 0 3px; border-radius: 2px; background: rgba(127, 127, 127, 0.25); overflow: hidden; }
.bar > span { display: block; height: 100%; background: #1f8a46; }
.bar[data-level="warning"] > span { background: #c27c00; }
.bar[data-level="critical"] > span, .bar[data-level="full"] > span { background: #c0262d; }
.facts { display: block; font-size: 12px; opacity: 0.78; }
.enable { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid currentColor; background: transparent; color: #0058a3; cursor: pointer; }
:host([data-scheme="dark"]) .enable { color: #8cc2ff; }
.enable:hover { background: rgba(0, 97, 176, 0.08); }
.enable:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.muted { opacity: 0.7; }
input { width: 16px; height: 16px; margin: 0; cursor: pointer; vertical-align: middle; }
`;

export function usageText(archive: Pick<MailboxArchive, 'usedBytes' | 'quotaBytes'>, locale = formatLocale()): string {
  const used = formatBytes(archive.usedBytes, locale);
  return archive.quotaBytes === null ? t('postmaster_cellUnlimited', used) : t('postmaster_cellUsage', used, formatBytes(archive.quotaBytes, locale));
}

export function factsText(archive: Pick<MailboxArchive, 'writable' | 'imapAccess' | 'retentionMonths'>): string {
  return [
    archive.writable ? t('postmaster_cellWritable') : t('postmaster_cellReadOnly'),
    archive.imapAccess ? t('postmaster_cellImapOn') : t('postmaster_cellImapOff'),
    archive.retentionMonths === null ? t('postmaster_cellRetentionNever') : t('postmaster_cellRetention', archive.retentionMonths),
  ].join(' · ');
}

/** Fills a cell's shadow root; built with text nodes only. `onEnable` opens the confirmation frame. */
export function renderCell(
  root: ShadowRoot,
  mailbox: string,
  archive: MailboxArchive | null | undefined,
  onEnable: (button: HTMLElement) => void,
): void {
  const doc = root.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = CELL_CSS;
  const nodes: Node[] = [style];
  const host = root.host as HTMLElement;
  if (archive === undefined) {
    host.dataset.state = 'loading';
    const span = doc.createElement('span');
    span.className = 'muted';
    span.textContent = '…';
    nodes.push(span);
  } else if (archive === null) {
    host.dataset.state = 'unknown';
    const span = doc.createElement('span');
    span.className = 'muted';
    span.textContent = t('postmaster_cellUnknown');
    nodes.push(span);
  } else if (!archive.enabled) {
    host.dataset.state = 'off';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'enable';
    button.textContent = t('postmaster_cellEnable');
    button.setAttribute('aria-label', t('postmaster_cellEnableLabel', mailbox));
    button.addEventListener('click', () => onEnable(button));
    nodes.push(button);
  } else {
    host.dataset.state = 'on';
    const level = quotaLevel(archive);
    const usage = doc.createElement('span');
    usage.className = 'usage';
    usage.dataset.level = level;
    usage.textContent = archive.full ? `${usageText(archive)} · ${t('postmaster_cellFull')}` : usageText(archive);
    nodes.push(usage);
    const ratio = usageRatio(archive);
    if (ratio !== null) {
      const bar = doc.createElement('span');
      bar.className = 'bar';
      bar.dataset.level = level;
      bar.setAttribute('aria-hidden', 'true');
      const fill = doc.createElement('span');
      fill.style.width = `${Math.max(ratio > 0 ? 2 : 0, Math.round(ratio * 100))}%`;
      bar.append(fill);
      nodes.push(bar);
    }
    const facts = doc.createElement('span');
    facts.className = 'facts';
    facts.textContent = factsText(archive);
    nodes.push(facts);
  }
  if (archive) {
    host.dataset.enabled = String(archive.enabled);
    host.dataset.retention = archive.retentionMonths === null ? 'never' : String(archive.retentionMonths);
    host.dataset.imap = String(archive.imapAccess);
    host.dataset.writable = String(archive.writable);
  }
  root.replaceChildren(...nodes);
}
