// Job elements: service and send tasks, message throw events — the work runs as a named activity.
import { waitIdOf } from '../../contracts/ids';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import type { EndEventNode, IntermediateThrowEventNode, JobTaskNode } from '../model';
import { behaviour } from './lifecycle';

/** Asks the workflow to run the node's job type as an activity and subscribes the instance to its result. */
export function startJob(rt: Runtime, instance: ElementInstance, node: JobTaskNode | IntermediateThrowEventNode | EndEventNode): void {
  const definition = node.taskDefinition;
  if (!definition) throw new IncidentSignal('jobFailed', `element <${node.id}> has no task definition`);
  const waitId = waitIdOf(instance.id, 'job');
  rt.subscribe(waitId, { kind: 'job', instanceId: instance.id, elementId: node.id, jobType: definition.type });
  rt.emit({
    type: 'runJob',
    waitId,
    elementId: node.id,
    elementInstanceId: instance.id,
    jobType: definition.type,
    retries: definition.retries,
    headers: definition.headers,
    variables: rt.contextOf(instance),
    ...(definition.external ? { external: definition.external } : {}),
  });
}

/** A service task (and a send task, a job-worker script or business-rule task) waits for its job. */
export const serviceTask = behaviour<JobTaskNode>(startJob);
