// Thunderbird autoconfig file (clientConfig 1.1, config-v1.1.xml) for the archive account; no password.
import type { ServerEndpoint } from '@/utils/providers/profile';
import type { ClientSettings, Translate } from './settings';
import { element, serialize, type XmlElement } from './xml';

export const AUTOCONFIG_FILENAME = 'config-v1.1.xml';
export const AUTOCONFIG_TYPE = 'application/xml';

function socketType(endpoint: ServerEndpoint): string {
  return endpoint.security === 'ssl' ? 'SSL' : 'STARTTLS';
}

function server(kind: 'incomingServer' | 'outgoingServer', type: string, endpoint: ServerEndpoint, username: string): XmlElement {
  return element(kind, { type }, [
    element('hostname', {}, [endpoint.host]),
    element('port', {}, [String(endpoint.port)]),
    element('socketType', {}, [socketType(endpoint)]),
    element('username', {}, [username]),
    // Sent inside the SSL/TLS connection: the provider documents plain password authentication.
    element('authentication', {}, ['password-cleartext']),
  ]);
}

/** Elements as in Mozilla's ConfigFileFormat: emailProvider › domain, displayName, incomingServer (imap), outgoingServer (smtp). */
export function thunderbirdAutoconfig(settings: ClientSettings, translate: Translate): string {
  const document = element('clientConfig', { version: '1.1' }, [
    element('emailProvider', { id: settings.archiveDomain }, [
      element('domain', {}, [settings.archiveDomain]),
      element('displayName', {}, [translate('popup_profile_displayName', settings.mailbox)]),
      element('displayShortName', {}, [settings.accountName]),
      server('incomingServer', 'imap', settings.imap, settings.username),
      server('outgoingServer', 'smtp', settings.smtp, settings.username),
    ]),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(document)}\n`;
}
