// The task form loaded on first use: form-js (its viewer, FEEL, date picker; ~550 KB raw) is fetched only when a page
// shows a form, and only once the page has shown its facts: a render that met the form's code still loading would wait
// for it (the app renders in transitions) and the facts painted after the form's download. A task or start without a
// form never downloads it.
import { Alert, Skeleton } from 'antd';
import type { ComponentProps } from 'react';
import { useModuleAfterCommit } from '../../../components/useModuleAfterCommit';
import { useT } from '../../../i18n/useT';
import type { TaskForm } from './index';

/** TaskForm behind a skeleton until its code is loaded (asked for once the page has committed); the same props. */
export function LazyTaskForm(props: ComponentProps<typeof TaskForm>) {
  const t = useT();
  const loaded = useModuleAfterCommit(() => import('./index'));
  if (!loaded) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (loaded === 'failed') return <Alert type="error" showIcon title={t('forms.loadFailed')} />;
  return <loaded.TaskForm {...props} />;
}
