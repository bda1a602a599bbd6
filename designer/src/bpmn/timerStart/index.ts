// diagram-js module: repeating-cycle presets (每周 / 每月 / 每季度) on a process's timer start event.
import TimerStartProvider from './TimerStartProvider';

/** Add to the Modeler's `additionalModules`. */
export default {
  __init__: ['timerStartProvider'],
  timerStartProvider: ['type', TimerStartProvider],
};
