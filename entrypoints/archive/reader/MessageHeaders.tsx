// The headers of an open message: subject, sender, recipients, date, size, deletion window; then attachments.
import type { MessageDetail, MessageSummary } from '@/utils/api/schemas';
import { formatBytes, formatDateWithArticle, formatLocale } from '@/utils/format';
import { t } from '@/utils/i18n';
import { fullDate, peopleLabel, subjectOf } from '@/entrypoints/archive/labels';
import { PaperclipIcon } from '../icons';

type Person = { name: string; address: string };

function people(list: readonly Person[]) {
  return list.map((person, i) => (
    <span key={i} class="person">
      {person.name ? (
        <>
          {person.name} <span class="address">&lt;{person.address}&gt;</span>
        </>
      ) : (
        person.address
      )}
      {i < list.length - 1 ? ', ' : ''}
    </span>
  ));
}

export function deletionWindow(summary: Pick<MessageSummary, 'deleteFrom' | 'deleteTo'>, locale = formatLocale()): string | null {
  if (!summary.deleteFrom || !summary.deleteTo) return null;
  return t('archive_delete_window', formatDateWithArticle(summary.deleteFrom, locale), formatDateWithArticle(summary.deleteTo, locale));
}

const SOON_MS = 30 * 86_400_000;

function soon(deleteFrom: string | undefined): boolean {
  return deleteFrom !== undefined && Date.parse(deleteFrom) - Date.now() < SOON_MS;
}

export function MessageHeaders({ detail, headingId }: { detail: MessageDetail; headingId: string }) {
  const locale = formatLocale();
  const window = deletionWindow(detail, locale);
  return (
    <header class="reader-headers">
      <h2 id={headingId} class="reader-subject" tabIndex={-1}>
        {subjectOf(detail)}
      </h2>
      <dl class="header-list">
        <dt>{t('archive_header_from')}</dt>
        <dd>{people([detail.from])}</dd>
        <dt>{t('archive_header_to')}</dt>
        <dd>{detail.to.length ? people(detail.to) : peopleLabel([])}</dd>
        {detail.cc.length > 0 && (
          <>
            <dt>{t('archive_header_cc')}</dt>
            <dd>{people(detail.cc)}</dd>
          </>
        )}
        <dt>{t('archive_header_date')}</dt>
        <dd>{fullDate(detail.date, locale)}</dd>
        <dt>{t('archive_header_size')}</dt>
        <dd>{formatBytes(detail.size, locale)}</dd>
        {window && (
          <>
            <dt>{t('archive_header_deletion')}</dt>
            <dd class={`deletion-window${soon(detail.deleteFrom) ? ' deletion-soon' : ''}`}>{window}</dd>
          </>
        )}
      </dl>
    </header>
  );
}

export function Attachments({ detail, onDownload }: { detail: MessageDetail; onDownload(index: number): void }) {
  const locale = formatLocale();
  if (detail.attachments.length === 0) return null;
  return (
    <section class="attachments" aria-label={t('archive_attachments_label')}>
      <h3 class="attachments-title">{t('archive_attachments_title', detail.attachments.length)}</h3>
      <ul>
        {detail.attachments.map((attachment) => (
          <li key={attachment.index}>
            <button
              type="button"
              class="attachment"
              aria-label={t(
                'archive_download_attachment',
                attachment.filename || t('archive_unnamed_attachment'),
                formatBytes(attachment.size, locale),
              )}
              onClick={() => onDownload(attachment.index)}
            >
              <PaperclipIcon />
              <span class="attachment-name">{attachment.filename || t('archive_unnamed_attachment')}</span>{' '}
              <span class="attachment-size">{formatBytes(attachment.size, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
