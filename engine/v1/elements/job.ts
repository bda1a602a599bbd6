// Job elements: service and send tasks, message throw events — the work runs as a named activity.
import type { ElementBehaviour } from '../interpreter/runtime';
import { IncidentSignal } from '../interpreter/runtime';
import type { ModelNode } from '../model';
import type { Token } from '../interpreter/types';
import type { Runtime } from '../interpreter/runtime';
import { waitIdOf } from '../../../contracts/ids';

/** Asks the workflow to run the node's job type as an activity and makes the token wait for its result. */
export function startJob(rt: Runtime, token: Token, node: ModelNode): void {
  const definition = node.taskDefinition;
  if (!definition) throw new IncidentSignal('jobFailed', `element <${node.id}> has no task definition`);
  const waitId = waitIdOf(token.id, 'job');
  rt.wait(waitId, { kind: 'job', tokenId: token.id, jobType: definition.type });
  rt.emit({
    type: 'runJob',
    waitId,
    elementId: node.id,
    jobType: definition.type,
    retries: definition.retries,
    headers: definition.headers,
    variables: rt.contextOf(token),
  });
}

/** A service task (and a send task, a job-worker script or business-rule task) waits for its job. */
export const serviceTask: ElementBehaviour = { enter: startJob };
