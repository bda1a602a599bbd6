// What a test's setup does through the API with a case's tasks: complete the open task of an element.
import { type ApiSession, enc } from './api';
import { eventually } from './wait';

/** Completes the open task of `elementId` in case `caseId` as `session` with `variables`, once the task is there. */
export async function completeTask(session: ApiSession, caseId: string, elementId: string, variables: Record<string, unknown>): Promise<void> {
  const task = await eventually(async () => {
    const res = await session.get(`/api/tasks?instanceId=${enc(caseId)}&status=open,claimed&size=50`).expect(200);
    return (res.body.items as Array<{ id: string; elementId: string }>).find((t) => t.elementId === elementId);
  }, `the task ${elementId} of ${caseId}`);
  await session.post(`/api/tasks/${enc(task.id)}/complete`, { variables }).expect(200);
}
