// The default task form loaded once the task page has committed (useModuleAfterCommit), behind a skeleton.
import { Alert, Skeleton } from 'antd';
import type { ComponentProps } from 'react';
import { useModuleAfterCommit } from '../../../components/useModuleAfterCommit';
import { useT } from '../../../i18n/useT';
import type { DefaultTaskForm } from './index';

/** DefaultTaskForm once its code is there; the same props. */
export function LazyDefaultTaskForm(props: ComponentProps<typeof DefaultTaskForm>) {
  const t = useT();
  const loaded = useModuleAfterCommit(() => import('./index'));
  if (!loaded) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (loaded === 'failed') return <Alert type="error" showIcon title={t('forms.loadFailed')} />;
  return <loaded.DefaultTaskForm {...props} />;
}
