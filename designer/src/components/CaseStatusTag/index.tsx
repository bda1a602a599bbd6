// The status of a case as a coloured tag: running, completed (办结), cancelled, or with incidents.
import { Tag } from 'antd';
import { useT } from '../../i18n/useT';

/** Shows `status` (the workflow's), in red when the case has open incidents. */
export function CaseStatusTag({ status, incidents = 0 }: { status: 'running' | 'completed' | 'cancelled' | 'failed'; incidents?: number }) {
  const t = useT();
  if (status === 'running' && incidents > 0) return <Tag color="red">{t('case.status.incident', { count: incidents })}</Tag>;
  const color = { running: 'processing', completed: 'success', cancelled: 'default', failed: 'error' }[status];
  return (
    <Tag color={color} data-testid="case-status">
      {t(`case.status.${status}`)}
    </Tag>
  );
}
