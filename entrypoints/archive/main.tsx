// Archive page entry (archive.html): colour scheme, language, then the app, talking to the background over rpc.
import { render } from 'preact';
import { initI18n, t, uiLanguage } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';
import { backgroundClient } from '@/utils/rpc/client';
import { readHash } from '@/utils/frames/archive-url';
import { closeOnUnhandledEscape } from './close-archive';
import { followColorScheme } from './theme';
import { ArchiveApp } from './ArchiveApp';
import './style.css';

followColorScheme(window);
closeOnUnhandledEscape(window);

async function start() {
  const { origin, lang } = readHash(location.hash);
  await initI18n(lang).catch(() => undefined);
  document.documentElement.lang = uiLanguage();
  document.title = t('archive_app_title');
  const downloads = typeof browser !== 'undefined' && browser.downloads ? browser.downloads : null;
  render(
    <ArchiveApp api={backgroundClient(origin)} webmailUrl={activeProfile.webmailUrl} upgradeUrl={activeProfile.upgradeUrl} downloads={downloads} />,
    document.getElementById('app')!,
  );
}

void start();
