// The task form loaded on first use: form-js (its viewer, FEEL, date picker; ~550 KB raw) is fetched only when a page
// shows a form, so the task page paints its facts first and a task or start without a form never downloads it.
import { Skeleton } from 'antd';
import { type ComponentProps, lazy, Suspense } from 'react';
import type { TaskForm } from './index';

const TaskFormChunk = lazy(() => import('./index').then((module) => ({ default: module.TaskForm })));

/** TaskForm behind a skeleton while its code loads; the same props. */
export function LazyTaskForm(props: ComponentProps<typeof TaskForm>) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <TaskFormChunk {...props} />
    </Suspense>
  );
}
