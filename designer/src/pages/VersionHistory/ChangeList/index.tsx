// The list of changed elements between two versions.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ChangeKind, DiagramChange } from '../../../bpmn/diffDiagrams';
import { diffPropertyKey } from '../../../i18n/diffPropertyKey';
import { elementKindKey, kindOfBpmnType } from '../../../i18n/elementKindKey';
import type { MessageKey } from '../../../i18n/messages/zh-CN';
import { useT } from '../../../i18n/useT';

/** Colour and label of each kind of change (the same colours as on the diagrams). */
export const CHANGE_STYLE: Record<ChangeKind, { color: string; label: MessageKey; marker: string }> = {
  added: { color: 'green', label: 'diff.added', marker: 'diff-added' },
  removed: { color: 'red', label: 'diff.removed', marker: 'diff-removed' },
  changed: { color: 'orange', label: 'diff.changed', marker: 'diff-changed' },
  layoutChanged: { color: 'blue', label: 'diff.layoutChanged', marker: 'diff-layout-changed' },
};

/** One row per change: kind, element (name, id as an id), its kind and the properties that differ, named in the UI language (the raw ones on hover). */
export function ChangeList({ changes }: { changes: readonly DiagramChange[] }) {
  const t = useT();
  const columns: ColumnsType<DiagramChange> = [
    { title: t('diff.column.kind'), dataIndex: 'kind', render: (kind: ChangeKind) => <Tag color={CHANGE_STYLE[kind].color}>{t(CHANGE_STYLE[kind].label)}</Tag> },
    { title: t('diff.column.element'), dataIndex: 'id', render: (id: string, change) => <span>{change.name ?? ''} <Typography.Text code translate="no">{id}</Typography.Text></span> },
    { title: t('diff.column.type'), dataIndex: 'type', render: (type: string) => <span title={type}>{t(elementKindKey(kindOfBpmnType(type)))}</span> },
    { title: t('diff.column.attributes'), dataIndex: 'attributes', render: (attributes: string[]) => <span title={attributes.join(', ')}>{[...new Set(attributes.map((path) => t(diffPropertyKey(path))))].join('、') || t('library.none')}</span> },
  ];
  return <Table<DiagramChange> rowKey={(change) => `${change.kind}:${change.id}`} size="small" columns={columns} dataSource={changes as DiagramChange[]} pagination={false} locale={{ emptyText: t('diff.none') }} />;
}
