// The postmaster frame: checks that a postmaster is signed in, then shows the view its address asks for.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { FrameHost } from './frame-host';
import type { FrameParams } from '@/utils/frames/postmaster-url';
import { ArchiveSettings } from './settings/ArchiveSettings';
import { BulkPanel } from './bulk/BulkPanel';
import { DisableDialog } from './dialogs/DisableDialog';
import { EnableDialog } from './dialogs/EnableDialog';
import { useBackground } from '@/components/background';

type Gate = 'checking' | 'postmaster' | 'refused' | 'failed';

export function PostmasterApp({ params, host }: { params: FrameParams; host: FrameHost }) {
  const [gate, setGate] = useState<Gate>('checking');
  const [inFrameDialog, setInFrameDialog] = useState<'disable' | null>(null);
  const [closed, setClosed] = useState(false);
  const mailbox = params.mailboxes[0]!;
  const background = useBackground();

  useEffect(() => {
    background.call('session.get', {}).then(
      (session) => setGate(session.me?.role === 'postmaster' ? 'postmaster' : 'refused'),
      () => setGate('failed'),
    );
  }, [background]);

  const close = (changed: boolean) => {
    if (host.embedded) host.send({ action: 'close', changed });
    else setClosed(true);
  };

  if (gate === 'checking')
    return (
      <p class="pm-muted" role="status">
        {t('postmaster_loading')}
      </p>
    );
  if (gate !== 'postmaster') {
    return (
      <div class={params.view === 'tab' ? 'pm-tab' : 'dialog-backdrop'}>
        <div
          class={params.view === 'tab' ? '' : 'dialog'}
          role={params.view === 'tab' ? undefined : 'alertdialog'}
          aria-label={t('postmaster_tabTitle')}
        >
          <p class="pm-alert" role="alert">
            {gate === 'refused' ? t('postmaster_onlyPostmaster') : t('error_unauthenticated')}
          </p>
          {params.view === 'tab' ? null : (
            <button type="button" class="pm-button" onClick={() => close(false)}>
              {t('postmaster_close')}
            </button>
          )}
        </div>
      </div>
    );
  }
  if (closed) return <p class="pm-muted">{t('postmaster_closed')}</p>;

  switch (params.view) {
    case 'tab':
      return (
        <>
          <ArchiveSettings
            mailbox={mailbox}

            onRequestDisable={() => (host.embedded ? host.send({ action: 'open', view: 'disable', mailbox }) : setInFrameDialog('disable'))}
          />
          {inFrameDialog === 'disable' ? <DisableDialog mailbox={mailbox} onClose={() => setInFrameDialog(null)} /> : null}
        </>
      );
    case 'enable':
      return <EnableDialog mailbox={mailbox} onClose={close} />;
    case 'disable':
      return <DisableDialog mailbox={mailbox} onClose={close} />;
    case 'bulk':
      return <BulkPanel mailboxes={params.mailboxes} onClose={close} />;
  }
}
