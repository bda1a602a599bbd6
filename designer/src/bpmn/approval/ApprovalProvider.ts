// A properties provider that adds the approval-mode group (会签 / 或签 / 依次审批 / 按比例) to user tasks, right after
// the assignment group; the multi-instance group of the Zeebe provider still shows every field.
import { Group as GroupComponent, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { ApprovalPresetSelect, ShareField, SignersField } from './ApprovalEntries';
import { approvalOf } from './presets';
import { assigneeOf, type ElementLike, loopSettingsOf } from './taskLoop';

interface Group {
  id: string;
  label?: string;
  entries?: Array<{ id: string; component: unknown; isEdited?: unknown }>;
  component?: unknown;
}

type Translate = (text: string) => string;

/** The id of the approval group in the properties panel. */
export const APPROVAL_GROUP_ID = 'sparrowApproval';

/** The approval group's entries for `element`: the picker, then who signs and the share when a preset asks for them. */
function entriesFor(element: ElementLike) {
  const approval = approvalOf(loopSettingsOf(element), assigneeOf(element));
  const entries: Group['entries'] = [{ id: 'approvalPreset', component: ApprovalPresetSelect, isEdited: isSelectEntryEdited }];
  if (approval.preset === 'single' || approval.preset === 'custom') return entries;
  entries.push({ id: 'approvalSigners', component: SignersField, isEdited: isTextFieldEntryEdited });
  if (approval.preset === 'share') entries.push({ id: 'approvalShare', component: ShareField, isEdited: isTextFieldEntryEdited });
  return entries;
}

/** Runs after the Zeebe provider (lower priority) and inserts the group for user tasks. */
export default class ApprovalProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly translate: Translate,
  ) {
    propertiesPanel.registerProvider(200, this);
  }

  /** The group updater the properties panel calls for each selected element. */
  getGroups(element: ElementLike & { type?: string }) {
    return (groups: Group[]) => {
      if (element.businessObject.$type !== 'bpmn:UserTask') return groups;
      const group: Group = { id: APPROVAL_GROUP_ID, label: this.translate('Approval mode'), entries: entriesFor(element), component: GroupComponent };
      const after = groups.findIndex((group) => group.id === 'assignment');
      groups.splice(after === -1 ? 1 : after + 1, 0, group);
      return groups;
    };
  }
}
