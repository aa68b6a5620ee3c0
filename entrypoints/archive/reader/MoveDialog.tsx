// "Sposta": choose another archive folder for a message (write mode only).
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { Dialog } from '@/components/Dialog';

export interface MoveDialogProps {
  targets: { id: string; label: string }[];
  busy: boolean;
  error: string | null;
  onMove(folderId: string): void;
  onCancel(): void;
}

export function MoveDialog({ targets, busy, error, onMove, onCancel }: MoveDialogProps) {
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  return (
    <Dialog title={t('archive_move_title')} onClose={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (target) onMove(target);
        }}
      >
        <label class="field">
          <span>{t('archive_move_to')}</span>
          <select value={target} onChange={(event) => setTarget((event.currentTarget as HTMLSelectElement).value)}>
            {targets.map((folder) => (
              <option key={folder.id} value={folder.id}>
                {folder.label}
              </option>
            ))}
          </select>
        </label>
        {targets.length === 0 && <p>{t('archive_move_none')}</p>}
        {error && (
          <p class="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('archive_cancel')}
          </button>
          <button type="submit" class="button button-primary" data-action="confirm" disabled={busy || !target}>
            {busy ? t('archive_working') : t('archive_move_confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
