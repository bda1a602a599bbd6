// The candidate groups the modeler's picker offers, named for people: the groups the dictionary names (group.*), the
// roles that work on tasks, and the org units. Pure: the workspace and its spec use it.
import { TASK_WORKERS } from '../../../../../contracts/roles';
import type { OrgUnit } from '../../../api/orgUnits';
import type { GroupChoice } from '../../../bpmn/assignment/OrgDirectory';

/** Groups, then roles, then org units, each by the name `dictionary` (the UI language's messages) or the unit gives it. */
export function groupChoices(dictionary: Readonly<Record<string, string>>, units: readonly OrgUnit[]): GroupChoice[] {
  const groups = Object.keys(dictionary)
    .filter((key) => key.startsWith('group.'))
    .map((key): GroupChoice => ({ id: key.slice('group.'.length), label: dictionary[key], kind: 'group' }));
  const roles = TASK_WORKERS.map((role): GroupChoice => ({ id: role, label: dictionary[`role.${role}`] ?? role, kind: 'role' }));
  const orgUnits = units.map((unit): GroupChoice => ({ id: unit.id, label: unit.name, kind: 'orgUnit' }));
  return [...groups, ...roles, ...orgUnits];
}
