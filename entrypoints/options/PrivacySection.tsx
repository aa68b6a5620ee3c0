// Options: what the extension stores, where, and what it sends to whom.
import { t } from '@/utils/i18n';
import type { ProviderProfile } from '@/utils/providers/profile';

export function PrivacySection({ profile }: { profile: ProviderProfile }) {
  return (
    <section class="op-section" aria-labelledby="op-privacy">
      <h2 id="op-privacy">{t('options_privacy_heading')}</h2>
      <h3>{t('options_privacy_storedHeading')}</h3>
      <ul>
        <li>{t('options_privacy_stored_cache')}</li>
        <li>{t('options_privacy_stored_identity')}</li>
        <li>{t('options_privacy_stored_language')}</li>
        <li>
          <strong>{t('options_privacy_stored_password')}</strong>
        </li>
      </ul>
      <h3>{t('options_privacy_sentHeading')}</h3>
      <ul>
        <li>{t('options_privacy_sent_provider', profile.webmailOrigins.join(', '))}</li>
        <li>{t('options_privacy_sent_nobody')}</li>
        <li>{t('options_privacy_sent_local')}</li>
      </ul>
      <p>
        {/* Packaged with the extension (built from docs/privacy.md), so it opens offline too. */}
        <a href="privacy.html" target="_blank" rel="noopener">
          {t('options_privacy_full')}
        </a>
      </p>
    </section>
  );
}
