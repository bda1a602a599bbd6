// The child cases of a case's call activities (子案件): which step started each, of what process, how it stands (an
// incident in red), with a link to each; ten a page, for a call activity over many items.
import { Button, Card, Table } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../../../api/hooks/useMe.query';
import { useProcessName } from '../../../api/hooks/useProcessName';
import { useVersion } from '../../../api/hooks/useVersion.query';
import type { CaseView, ChildCase } from '../../../api/instances';
import { CaseStatusTag } from '../../../components/CaseStatusTag';
import { nodeInfoOf } from '../../../components/CaseTimeline/timelineEntries';
import { DEFINITION_READERS, hasAnyRole } from '../../../../../contracts/roles';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { casePath } from '../../../routing/paths';

/** The case status a child's summary status shows as: an incident is a running case with open incidents. */
const shownStatus = (status: ChildCase['status']) => (status === 'incident' ? 'running' : status);

/** The 子案件 card of case `view`; nothing when it has no child case. */
export function ChildCases({ view }: { view: Pick<CaseView, 'definitionKey' | 'definitionVersion' | 'children' | 'elements'> }) {
  const t = useT();
  const processName = useProcessName();
  const mayReadModel = hasAnyRole(useMe().data?.roles ?? [], DEFINITION_READERS);
  const children = view.children ?? [];
  // The case names its elements itself (issue 17); the model is read only from a server that does not.
  const version = useVersion(view.definitionKey, view.definitionVersion, { enabled: children.length > 0 && mayReadModel && !view.elements });
  const nodes = useMemo(() => view.elements ?? nodeInfoOf(version.data?.model), [view.elements, version.data]);
  if (children.length === 0) return null;

  return (
    <Card size="small" title={t('case.children', { count: children.length })}>
      <Table<ChildCase>
        size="small"
        rowKey="instanceId"
        dataSource={children}
        pagination={children.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          // the call activity's name; a call activity without one (or a role that may not read the model) shows the child's process
          { key: 'step', title: t('case.children.step'), render: (_, child) => nodes[child.elementId]?.name ?? processName(child.definitionKey) },
          { key: 'process', title: t('task.process'), render: (_, child) => processName(child.definitionKey) },
          { key: 'status', title: t('case.children.status'), render: (_, child) => <CaseStatusTag status={shownStatus(child.status)} incidents={child.openIncidents} /> },
          {
            key: 'open',
            title: '',
            align: 'right',
            render: (_, child) => (
              <Button size="small" onClick={() => navigate(casePath(child.instanceId))}>
                {t('case.children.open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
