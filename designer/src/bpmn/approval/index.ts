// diagram-js module: the approval-mode group of user tasks (会签 / 或签 / 依次审批 / 按比例) in the properties panel.
import ApprovalProvider from './ApprovalProvider';

/** Add to the Modeler's `additionalModules`. */
export default {
  __init__: ['sparrowApprovalProvider'],
  sparrowApprovalProvider: ['type', ApprovalProvider],
};
