// The case's progress loaded once the page showing it is on screen and its place is in view, behind a skeleton: the
// task page's facts and form paint without waiting for the timeline's code (antd's Steps) or the case's data, and on a
// phone, where it sits below the form, it loads when the user scrolls down to it.
import { loadedAfterPaint } from '../loadedAfterPaint';

/** CaseProgress once its code is there; the same props. */
export const LazyCaseProgress = loadedAfterPaint(() => import('./index').then((module) => module.CaseProgress), 4, 'case.loadFailed', 'onScreen');
