// diagram-js module: a user task's assignee, candidate groups and candidate users picked from the organisation.
import AssignmentPickerProvider from './AssignmentPickerProvider';
import OrgDirectory from './OrgDirectory';

/** Add to the Modeler's `additionalModules`; fill `sparrowDirectory` (OrgDirectory) with the groups and a people source. */
export default {
  __init__: ['sparrowAssignmentPickers'],
  sparrowDirectory: ['type', OrgDirectory],
  sparrowAssignmentPickers: ['type', AssignmentPickerProvider],
};
