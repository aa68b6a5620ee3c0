// Reading one archived message: headers, attachments, body (sanitized, sandboxed), and what can be done with it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Folder, MessageDetail, MessageSummary } from '@/utils/api/schemas';
import { t, uiLanguage } from '@/utils/i18n';
import type { BackgroundClient } from '@/utils/rpc/client';
import type { DownloadTarget } from '@/utils/rpc/payloads';
import { errorText } from '@/entrypoints/archive/errors';
import { moveTargets } from '@/entrypoints/archive/folders/folders';
import { sanitizeMailHtml } from './sanitize';
import { buildSrcdoc } from './srcdoc';
import { BodyFrame } from './BodyFrame';
import { ConfirmDialog } from '../ConfirmDialog';
import { Attachments, MessageHeaders } from './MessageHeaders';
import { MoveDialog } from './MoveDialog';
import type { Notice } from '../Notices';

export interface ReaderProps {
  api: BackgroundClient;
  summary: MessageSummary;
  writable: boolean;
  folders: Folder[];
  onClose(): void;
  /** The message left this folder (moved or deleted). */
  onGone(): void;
  notify(kind: Notice['kind'], text: string): void;
}

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; detail: MessageDetail };

export function Reader({ api, summary, writable, folders, onClose, onGone, notify }: ReaderProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [allowRemote, setAllowRemote] = useState(false);
  const [restore, setRestore] = useState<'idle' | 'busy' | 'done'>('idle');
  const [dialog, setDialog] = useState<null | 'move' | 'delete'>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    api.call('message.get', { id: summary.id }).then(
      (detail) => current && setLoad({ state: 'ready', detail }),
      (error: unknown) => current && setLoad({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [api, summary.id, attempt]);

  const body = useMemo(() => {
    if (load.state !== 'ready' || load.detail.html === null) return null;
    try {
      const mail = sanitizeMailHtml(load.detail.html, { allowRemote });
      return { blocked: mail.blockedRemote, srcdoc: buildSrcdoc(mail, allowRemote) };
    } catch {
      // A message the sanitizer cannot take (absurd nesting, say) is shown as its text part, never raw.
      return null;
    }
  }, [load, allowRemote]);

  const download = (target: DownloadTarget) =>
    api.call('download', { target }).then(
      () => notify('info', t('archive_download_started')),
      (error: unknown) => notify('error', errorText(error)),
    );

  const doRestore = async () => {
    setRestore('busy');
    try {
      await api.call('message.restore', { id: summary.id });
      setRestore('done');
      notify('success', t('archive_restored'));
    } catch (error) {
      setRestore('idle');
      notify('error', t('archive_restore_failed', errorText(error)));
    }
  };

  const mutate = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setDialogError(null);
    try {
      await work();
      setDialog(null);
      notify('success', done);
      onGone();
    } catch (error) {
      setDialogError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const targets = moveTargets(folders, summary.folderId, uiLanguage());
  const headingId = `reader-subject-${summary.id}`;

  return (
    <article
      class="reader"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || dialog) return;
        event.preventDefault();
        onClose();
      }}
    >
      <div class="reader-actions" role="toolbar" aria-label={t('archive_message_actions')}>
        <button type="button" class="button button-ghost" data-action="close-message" onClick={onClose}>
          {t('archive_close_message')}
        </button>
        <button
          type="button"
          class="button button-primary"
          data-action="restore"
          data-state={restore}
          // Not `disabled`: a disabled button drops keyboard focus to nowhere the moment it is pressed.
          aria-disabled={restore !== 'idle'}
          onClick={() => restore === 'idle' && void doRestore()}
        >
          {restore === 'busy' ? t('archive_restoring') : restore === 'done' ? t('archive_restored_short') : t('archive_restore')}
        </button>
        <button type="button" class="button" data-action="download-eml" onClick={() => download({ kind: 'raw', id: summary.id })}>
          {t('archive_download_eml')}
        </button>
        {writable && (
          <>
            <button
              type="button"
              class="button"
              data-action="move"
              onClick={() => {
                setDialogError(null);
                setDialog('move');
              }}
            >
              {t('archive_move')}
            </button>
            <button
              type="button"
              class="button button-danger-ghost"
              data-action="delete"
              onClick={() => {
                setDialogError(null);
                setDialog('delete');
              }}
            >
              {t('archive_delete')}
            </button>
          </>
        )}
      </div>
      {!writable && (
        <p class="read-only-note" data-read-only-note>
          {t('archive_read_only_actions')}
        </p>
      )}
      {load.state === 'loading' && (
        <p class="reader-status" role="status">
          {t('archive_loading_message')}
        </p>
      )}
      {load.state === 'error' && (
        <div class="reader-status" role="alert">
          <p>{errorText(load.error)}</p>
          <button type="button" class="button" onClick={() => setAttempt(attempt + 1)}>
            {t('archive_retry')}
          </button>
        </div>
      )}
      {load.state === 'ready' && (
        <>
          <MessageHeaders detail={load.detail} headingId={headingId} />
          <Attachments detail={load.detail} onDownload={(index) => download({ kind: 'attachment', id: summary.id, index })} />
          {body && body.blocked > 0 && !allowRemote && (
            <div class="remote-banner" data-remote-blocked={body.blocked}>
              <span>{t('archive_remote_blocked', body.blocked)}</span>
              <button type="button" class="button" data-action="show-remote" onClick={() => setAllowRemote(true)}>
                {t('archive_show_remote')}
              </button>
            </div>
          )}
          {body ? (
            <BodyFrame srcdoc={body.srcdoc} frameKey={`${summary.id}:${allowRemote}`} />
          ) : load.detail.text ? (
            <pre class="body-text">{load.detail.text}</pre>
          ) : (
            <p class="body-empty">{load.detail.html ? t('archive_body_failed') : t('archive_no_body')}</p>
          )}
        </>
      )}
      {dialog === 'move' && (
        <MoveDialog
          targets={targets}
          busy={busy}
          error={dialogError}
          onCancel={() => setDialog(null)}
          onMove={(folderId) => {
            const label = targets.find((target) => target.id === folderId)?.label ?? folderId;
            void mutate(() => api.call('message.move', { id: summary.id, folderId, fromFolderId: summary.folderId }), t('archive_moved', label));
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={t('archive_delete_title')}
          message={t('archive_delete_confirm')}
          confirmLabel={t('archive_delete')}
          danger
          busy={busy}
          error={dialogError}
          onCancel={() => setDialog(null)}
          onConfirm={() => void mutate(() => api.call('message.delete', { id: summary.id, folderId: summary.folderId }), t('archive_deleted'))}
        />
      )}
    </article>
  );
}
