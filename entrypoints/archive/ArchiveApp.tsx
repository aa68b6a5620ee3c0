// The archive app: decides between a state screen (signed out, off, offline, error) and the workspace.
import type { BackgroundClient } from '@/utils/rpc/client';
import type { DownloadsApi } from '@/utils/downloads/follow';
import { SignIn } from './SignIn';
import { StateScreen } from './StateScreen';
import { useArchive } from './use-archive';
import { Workspace } from './Workspace';

export interface ArchiveAppProps {
  api: BackgroundClient;
  /** Where to sign in again: the webmail of the origin in use. */
  webmailUrl: string;
  upgradeUrl: string;
  downloads: DownloadsApi | null;
}

export function ArchiveApp({ api, webmailUrl, upgradeUrl, downloads }: ArchiveAppProps) {
  const { state, load, reloadStatus, reloadFolders, listingChanged } = useArchive(api);
  const { phase, me, status, folders } = state;
  const signInUrl = state.origin ? `${state.origin}/` : webmailUrl;
  if (phase.kind === 'signIn') return <SignIn api={api} hint={phase.hint} onSignedIn={() => void load()} />;
  if (phase.kind !== 'ready' || !me || !status || !folders) {
    return <StateScreen phase={phase.kind === 'ready' ? { kind: 'loading' } : phase} webmailUrl={signInUrl} onRetry={() => void load()} />;
  }
  return (
    <Workspace
      api={api}
      me={me}
      status={status}
      folders={folders}
      listingRevision={state.listingRevision}
      changedFolders={state.changedFolders}
      upgradeUrl={upgradeUrl}
      downloads={downloads}
      onRetry={() => void Promise.all([reloadStatus(), reloadFolders()])}
      onChanged={(folderIds) => {
        listingChanged(folderIds);
        void reloadFolders();
      }}
    />
  );
}
