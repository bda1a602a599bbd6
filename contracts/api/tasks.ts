// User tasks as the API answers them.
import { z } from 'zod';
import { TASK_STATUSES } from '../statuses';

/** A task row. */
export const taskView = z.object({
  id: z.string(),
  instanceId: z.string(),
  definitionKey: z.string(),
  definitionVersion: z.number().int(),
  businessKey: z.string(),
  street: z.string().nullable(),
  elementId: z.string(),
  name: z.string().nullable(),
  assignee: z.string().nullable(),
  candidateGroups: z.array(z.string()),
  candidateUsers: z.array(z.string()),
  status: z.enum(TASK_STATUSES),
  dueDate: z.string().nullable(),
  followUpDate: z.string().nullable(),
  dueProvisional: z.boolean().describe('the due date counts days of a year whose holidays are not published yet (暂定)'),
  priority: z.number(),
  formKey: z.string().nullable(),
  formId: z.string().nullable(),
  createdAt: z.string().nullable(),
  claimedAt: z.string().nullable(),
  claimedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
});

/** A task's guidance on its page: the BPMN documentation of its element (null when the diagram has none). */
export const taskDocumentation = z.string().nullable().describe('the BPMN documentation of the task\'s element, e.g. what the law asks of the people doing it');

/** The task list's tab counts: 我的任务 (assigned to me), 我组的任务 (unassigned, I am a candidate), 本街道 (null: not the caller's to see). */
export const taskCountsView = z.object({
  mine: z.number().int(),
  group: z.number().int(),
  street: z.number().int().nullable(),
});
