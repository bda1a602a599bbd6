// diagram-js module: legal time in the properties panel — the process's 法定时限 (declared clocks), a flow node's
// 计时控制, and the deadline presets of due dates and timers (截止于时限 / N 个工作日后).
import LegalTimeProvider from './LegalTimeProvider';

/** Add to the Modeler's `additionalModules` (with the sparrow moddle descriptor in `moddleExtensions`). */
export default {
  __init__: ['sparrowLegalTimeProvider'],
  sparrowLegalTimeProvider: ['type', LegalTimeProvider],
};
