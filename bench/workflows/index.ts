// The benchmark's workflow bundle: Sparrow's interpreter and the hand-written baseline, side by side.
export { bpmnProcess } from '../../workflows/bpmnProcess';
export { handWritten, handWrittenLocal } from './handWritten';
