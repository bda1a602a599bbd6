// The task form loaded on first use: form-js (its viewer, FEEL, date picker; ~550 KB raw) is fetched only when a page
// shows a form, and only once the page has shown its facts: a render that met the form's code still loading would wait
// for it (the app renders in transitions) and the facts painted after the form's download. A task or start without a
// form never downloads it.
import { loadedAfterPaint } from '../../../components/loadedAfterPaint';

/** TaskForm behind a skeleton until its code is loaded (asked for once the page is on screen); the same props. */
export const LazyTaskForm = loadedAfterPaint(() => import('./index').then((module) => module.TaskForm), 4, 'forms.loadFailed');
