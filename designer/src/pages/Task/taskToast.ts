// The one toast slot of task actions: a new claim, unclaim or completion message replaces the previous one.

/** The antd message key shared by the task list's and the task page's action messages. */
export const TASK_TOAST = 'sparrow-task-action';
