// Request builders and types for a case's statutory clocks (法定时限): suspend, resume and extend one.
import type { ClockView, SuspensionGround } from '../../../contracts/legalTime';
import type { RequestBuilder } from './request';

export type { ClockView, SuspensionGround };

/** What a clock can be asked to do. */
export type ClockAction = 'suspend' | 'resume' | 'extend';

/** The body of a clock change: a ground for a suspension, days for an extension, always a reason. */
export interface ClockChangeInput {
  ground?: SuspensionGround;
  reason: string;
  days?: number;
}

/** The answer of a clock change: the case's clocks after it. */
export interface ClockChangeResult {
  clocks: ClockView[];
}

/** `POST /api/instances/:id/clocks/:name/{suspend,resume,extend}`; 403 for someone not among its approvers, 409 when its state refuses. */
export function changeClock(instanceId: string, clock: string, action: ClockAction, input: ClockChangeInput): RequestBuilder {
  return { method: 'POST', url: `/api/instances/${encodeURIComponent(instanceId)}/clocks/${encodeURIComponent(clock)}/${action}`, body: input };
}
