// Start events: a none start event passes on.
import type { StartEventNode } from '../model';
import { passThrough } from './lifecycle';

/** A start event only passes on. */
export const startEvent = passThrough<StartEventNode>();
