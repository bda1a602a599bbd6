// diagram-js module: the process's 服务大厅 group (sparrow:icon, sparrow:initiator) in the properties panel.
import ServiceDeskProvider from './ServiceDeskProvider';

/** Add to the Modeler's `additionalModules` (with the sparrow moddle descriptor in `moddleExtensions`). */
export default {
  __init__: ['sparrowServiceDeskProvider'],
  sparrowServiceDeskProvider: ['type', ServiceDeskProvider],
};
