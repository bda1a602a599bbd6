// The default task form loaded once the task page is on screen, behind a skeleton (its code: antd's form and inputs).
import { loadedAfterPaint } from '../../../components/loadedAfterPaint';

/** DefaultTaskForm once its code is there; the same props. */
export const LazyDefaultTaskForm = loadedAfterPaint(() => import('./index').then((module) => module.DefaultTaskForm), 3, 'forms.loadFailed');
