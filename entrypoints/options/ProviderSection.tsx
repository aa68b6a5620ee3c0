// Options: the provider profile this build carries (webmail origins, API path, archive servers).
import { securityLabel } from '@/utils/client-profiles';
import { t } from '@/utils/i18n';
import type { ProviderProfile, ServerEndpoint } from '@/utils/providers/profile';

function endpoint(server: ServerEndpoint): string {
  return t('options_provider_endpoint', server.host, server.port, securityLabel(server));
}

export function ProviderSection({ profile }: { profile: ProviderProfile }) {
  const rows: [string, string, string[]][] = [
    ['name', t('options_provider_name'), [profile.name]],
    ['webmail', t('options_provider_webmail'), profile.webmailOrigins],
    ['api', t('options_provider_api'), [profile.apiPath]],
    ['archiveDomain', t('options_provider_archiveDomain'), [profile.archiveDomain]],
    ['imap', t('options_provider_imap'), [endpoint(profile.imap)]],
    ['smtp', t('options_provider_smtp'), [endpoint(profile.smtp)]],
  ];
  return (
    <section class="op-section" aria-labelledby="op-provider">
      <h2 id="op-provider">{t('options_provider_heading')}</h2>
      <dl class="op-list">
        {rows.map(([id, label, values]) => (
          <div key={id} data-provider={id}>
            <dt>{label}</dt>
            {values.map((value) => (
              <dd key={value}>{value}</dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
