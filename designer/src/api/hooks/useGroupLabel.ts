// Candidate groups as people read them: the demo groups and roles by their names, org units by theirs, others by id.
import { useCallback } from 'react';
import { dictionaries } from '../../i18n/locales';
import { useLocale } from '../../i18n/LocaleProvider';
import type { MessageKey } from '../../i18n/messages/zh-CN';
import { useOrgUnits } from './useOrgUnits.query';

/** Returns a function from a candidate group id (`enforcement`, `chengguan`, a role such as `street-commander`) to its name in the current language. */
export function useGroupLabel(): (id: string) => string {
  const { locale } = useLocale();
  const units = useOrgUnits();
  return useCallback(
    (id) => {
      const key = [`group.${id}`, `role.${id}`].find((k) => k in dictionaries[locale]);
      if (key) return dictionaries[locale][key as MessageKey];
      return units.data?.find((unit) => unit.id === id)?.name ?? id;
    },
    [locale, units.data],
  );
}
