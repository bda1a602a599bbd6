// A properties provider that puts the organisation pickers before the Zeebe provider's assignee, candidate groups and
// candidate users fields of a user task (those FEEL fields stay for expressions).
import { GroupPicker, PersonPicker } from './NamePickers';
import type { AssignmentAttribute } from './assignmentXml';

interface Entry {
  id: string;
  component: unknown;
  isEdited?: unknown;
  [prop: string]: unknown;
}

interface Group {
  id: string;
  entries?: Entry[];
}

/** The Zeebe provider's entry ids of the assignment attributes. */
const ZEEBE_ENTRIES: Record<AssignmentAttribute, string> = {
  assignee: 'assignmentDefinitionAssignee',
  candidateGroups: 'assignmentDefinitionCandidateGroups',
  candidateUsers: 'assignmentDefinitionCandidateUsers',
};

/** Runs after the Zeebe provider (lower priority) and inserts a picker before each assignment field. */
export default class AssignmentPickerProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups() {
    return (groups: Group[]) => {
      const assignment = groups.find((group) => group.id === 'assignmentDefinition');
      if (!assignment?.entries) return groups;
      assignment.entries = assignment.entries.flatMap((entry) => {
        const attribute = (Object.keys(ZEEBE_ENTRIES) as AssignmentAttribute[]).find((name) => ZEEBE_ENTRIES[name] === entry.id);
        if (!attribute) return [entry];
        const picker: Entry = { id: `sparrowPick-${attribute}`, component: attribute === 'candidateGroups' ? GroupPicker : PersonPicker, attribute };
        return [picker, entry];
      });
      return groups;
    };
  }
}
