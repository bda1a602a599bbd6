// Message buffering in the case (Camunda 8): when a message subscription opens, an activity takes a buffered message of
// its name and key for the case's process (at most one per process: store/messageBuffer.ts), and the message is
// correlated as the correlateMessage Update would. A message taken for a subscription that is gone by then is given back.
import { isCancellation } from '@temporalio/workflow';
import type { CaseRef } from '../contracts/activities';
import type { BufferedMessage } from '../contracts/messageBuffer';
import type { Command, EngineEvent } from '../engine/interpreter';
import { messageBuffer } from './activityProxies';
import type { CancellationScopePool } from './cancellationScopePool';

/** A pollMessageBuffer command of the interpreter. */
export type PollMessageBufferCommand = Extract<Command, { type: 'pollMessageBuffer' }>;

/** The polls of one case's message subscriptions; each runs in a scope of its own, so a run does not continue as new while one is in flight. */
export class BufferedMessages {
  private polls = 0;

  /** `correlate`: applies the event unless the case refuses it (then false: the subscription is gone); `now`: the workflow's clock. */
  constructor(
    private readonly scopes: CancellationScopePool,
    private readonly caseRef: CaseRef,
    private readonly correlate: (event: EngineEvent) => boolean,
    private readonly now: () => string,
  ) {}

  /** Takes a buffered message for the new subscription `command.waitId` and correlates it; gives it back when the case moved on. */
  poll(command: PollMessageBufferCommand): void {
    const key = `${command.waitId}/buffer-${++this.polls}`;
    const { definitionKey, street } = this.caseRef;
    this.scopes.run(
      key,
      () => messageBuffer.takeBufferedMessage({ name: command.name, correlationKey: command.correlationKey, definitionKey, street }),
      (message) => {
        if (message && !this.correlate(this.eventOf(command.waitId, message))) this.giveBack(`${key}/release`, message.id);
      },
      (error) => {
        if (!isCancellation(error)) throw error;
      },
    );
  }

  private eventOf(waitId: string, message: BufferedMessage): EngineEvent {
    return { type: 'messageCorrelated', at: this.now(), actor: message.publishedBy, waitId, variables: message.variables };
  }

  private giveBack(key: string, id: string): void {
    const { definitionKey } = this.caseRef;
    this.scopes.run(
      key,
      () => messageBuffer.releaseBufferedMessage({ id, definitionKey }),
      () => undefined,
      (error) => {
        if (!isCancellation(error)) throw error;
      },
    );
  }
}
