// The archive account's client settings, group by group (account, incoming, outgoing), each value copyable.
/**
 * Props:
 * - `settings`     what `clientSettings` worked out for the mailbox.
 * - `idPrefix`     prefix of the group headings' ids (unique per page: "pp", "pm").
 * - `headingLevel` 3 or 4, to fit the page's outline.
 * - `groupClass` / `titleClass` the page's own classes for a group and its heading.
 */
import { CopyField } from '@/components/CopyField';
import { settingGroups, type ClientSettings } from '@/utils/client-profiles';
import { t } from '@/utils/i18n';

export interface SettingGroupsProps {
  settings: ClientSettings;
  idPrefix: string;
  headingLevel: 3 | 4;
  groupClass: string;
  titleClass: string;
}

export function SettingGroups({ settings, idPrefix, headingLevel, groupClass, titleClass }: SettingGroupsProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      {settingGroups(settings, t).map((group) => (
        <div class={groupClass} key={group.id} role="group" aria-labelledby={`${idPrefix}-group-${group.id}`}>
          <Heading id={`${idPrefix}-group-${group.id}`} class={titleClass}>
            {group.title}
          </Heading>
          <dl class="arc-fields">
            {group.fields.map((field) => (
              <CopyField key={field.id} name={field.id} label={field.label} value={field.value} copyable={field.copyable} />
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}
