// Client setup for the archive account: settings, the copyable text block, Apple and Thunderbird profiles.
export { clientSettings, securityLabel, type ClientSettings, type Translate } from './settings';
export { settingGroups, settingsText, type SettingField, type SettingGroup } from './text';
export { appleMailProfile, mobileconfigFilename, profileIdentifier, MOBILECONFIG_TYPE } from './mobileconfig';
export { thunderbirdAutoconfig, AUTOCONFIG_FILENAME, AUTOCONFIG_TYPE } from './thunderbird';
export { saveFile } from './download';
export { escapeXml } from './xml';
