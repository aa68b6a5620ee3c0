// Feedback after an action ("Messaggio ripristinato…", errors) in a live region screen readers announce.
import { t } from '@/utils/i18n';

export interface Notice {
  id: number;
  kind: 'success' | 'info' | 'error';
  text: string;
}

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div class="notices">
      <div role="status" aria-live="polite">
        {notices
          .filter((n) => n.kind !== 'error')
          .map((notice) => (
            <NoticeItem key={notice.id} notice={notice} onDismiss={onDismiss} />
          ))}
      </div>
      <div role="alert">
        {notices
          .filter((n) => n.kind === 'error')
          .map((notice) => (
            <NoticeItem key={notice.id} notice={notice} onDismiss={onDismiss} />
          ))}
      </div>
    </div>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  return (
    <div class={`notice notice-${notice.kind}`} data-notice={notice.kind}>
      <span>{notice.text}</span>
      <button type="button" class="notice-close" aria-label={t('archive_dismiss')} onClick={() => onDismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}
