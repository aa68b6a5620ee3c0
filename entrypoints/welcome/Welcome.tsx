// The first-run page: what Archivio does, what to do next, and where the postmaster turns the archive on.
import { t } from '@/utils/i18n';
import type { ProviderProfile } from '@/utils/providers/profile';

export function Welcome({ profile }: { profile: ProviderProfile }) {
  return (
    <main class="welcome">
      <h1>{t('welcome_title')}</h1>
      <p class="welcome-lead">{t('welcome_lead')}</p>
      <ol class="welcome-steps">
        <li>
          <h2>{t('welcome_stepOpenTitle')}</h2>
          <p>{t('welcome_stepOpen')}</p>
          <p>
            <a class="welcome-button" href={profile.webmailUrl} target="_blank" rel="noopener noreferrer" data-action="open-webmail">
              {t('welcome_openWebmail', profile.name)}
            </a>
          </p>
        </li>
        <li>
          <h2>{t('welcome_stepArchiveTitle')}</h2>
          <p>{t('welcome_stepArchive')}</p>
        </li>
        <li>
          <h2>{t('welcome_stepOffTitle')}</h2>
          <p>{t('welcome_stepOff')}</p>
        </li>
      </ol>
      <p class="welcome-note">{t('welcome_privacy')}</p>
    </main>
  );
}
