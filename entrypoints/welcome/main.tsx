// First-run page entry (welcome.html), opened once by the background when the extension is installed.
import { render } from 'preact';
import '@/components/common.css';
import { initI18n, t, uiLanguage } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';
import { Welcome } from './Welcome';
import './welcome.css';

void initI18n()
  .catch(() => undefined)
  .then(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('welcome_title');
    render(<Welcome profile={activeProfile} />, document.getElementById('app')!);
  });
