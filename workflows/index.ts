// Entry point of the workflow bundle: every workflow type the worker registers.
export { bpmnProcess } from './bpmnProcess';
export { childCaseBatch } from './childCaseBatch';
