// Fills the modeler's organisation directory (the assignment pickers' groups and people) from the API.
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useEffect } from 'react';
import { bodyOf } from '../../../api/bodyOf';
import { useOrgUnits } from '../../../api/hooks/useOrgUnits.query';
import { type DisplayNameList, getDisplayNames, searchPeople } from '../../../api/people';
import type OrgDirectory from '../../../bpmn/assignment/OrgDirectory';
import { dictionaries } from '../../../i18n/locales';
import { useLocale } from '../../../i18n/LocaleProvider';
import { groupChoices } from './groupChoices';

/** Gives `modeler`'s directory the groups by name in the UI language, and people from GET /api/people/search and /api/people. */
export function useOrgDirectory(modeler: BpmnModeler | null): void {
  const { locale } = useLocale();
  const units = useOrgUnits();
  useEffect(() => {
    if (!modeler) return;
    modeler.get<OrgDirectory>('sparrowDirectory').setPeopleSource({
      search: async (text) => (await bodyOf<DisplayNameList>(searchPeople(text))).items,
      names: async (usernames) => (await bodyOf<DisplayNameList>(getDisplayNames(usernames))).items,
    });
  }, [modeler]);
  useEffect(() => {
    if (modeler) modeler.get<OrgDirectory>('sparrowDirectory').setGroups(groupChoices(dictionaries[locale], units.data ?? []));
  }, [modeler, locale, units.data]);
}
