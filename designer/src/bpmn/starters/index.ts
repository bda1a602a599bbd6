// diagram-js module: the process's 发起权限 (sparrow:starters) in the properties panel.
import StartersProvider from './StartersProvider';

/** Add to the Modeler's `additionalModules` (with the sparrow moddle descriptor in `moddleExtensions`). */
export default {
  __init__: ['sparrowStartersProvider'],
  sparrowStartersProvider: ['type', StartersProvider],
};
