// The list of changed elements between two versions, each changed property with its old → new value in words; a row
// picked shows that element on both diagrams.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { splitNames } from '../../../../../contracts/nameLists';
import { useGroupLabel } from '../../../api/hooks/useGroupLabel';
import type { ChangeKind, DiagramChange } from '../../../bpmn/diffDiagrams';
import type { PropertyChange } from '../../../bpmn/diffProperties';
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

/** Values longer than this are cut (the whole value shows on hover). */
const MAX_VALUE_LENGTH = 80;

/** A property's value in words: 未设置 when absent, 是/否 for booleans, candidate groups and starters (roles or groups) by their names; other values are the diagram's own text (`raw`: names, ids, expressions). */
function useValueText(): (path: string, value: string | undefined) => { text: string; raw: boolean } {
  const t = useT();
  const groupLabel = useGroupLabel();
  return (path, value) => {
    if (value === undefined || value === '') return { text: t('diff.value.none'), raw: false };
    if (value === 'true' || value === 'false') return { text: t(value === 'true' ? 'diff.value.true' : 'diff.value.false'), raw: false };
    // `names` is only sparrow:starters' attribute: roles or groups, apart by commas, 、 or spaces.
    const groups = (/(^|\.)candidateGroups$/.test(path) && !value.trim().startsWith('=')) || /(^|\.)names$/.test(path);
    const text = groups ? splitNames(value).map(groupLabel).join('、') : value;
    return { text: text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text, raw: !groups };
  };
}

/** One value; the diagram's own text is marked translate="no" (data, not language). */
function Value({ path, value, strong }: { path: string; value: string | undefined; strong?: boolean }) {
  const { text, raw } = useValueText()(path, value);
  return (
    <Typography.Text delete={!strong} strong={strong} translate={raw ? 'no' : undefined}>
      {text}
    </Typography.Text>
  );
}

/** One changed property: its name, then old → new. */
function ValueLine({ change }: { change: PropertyChange }) {
  const t = useT();
  return (
    <div title={`${change.path}: ${change.oldValue ?? ''} → ${change.newValue ?? ''}`}>
      <Typography.Text type="secondary">{t(diffPropertyKey(change.path))}：</Typography.Text>
      <Value path={change.path} value={change.oldValue} />
      {' → '}
      <Value path={change.path} value={change.newValue} strong />
    </div>
  );
}

/** One row per change: kind, element (name, id as an id), its kind and the properties that differ with their values, in the UI language. */
export function ChangeList({ changes, picked, onPick }: { changes: readonly DiagramChange[]; picked?: string; onPick?: (id: string) => void }) {
  const t = useT();
  const columns: ColumnsType<DiagramChange> = [
    { title: t('diff.column.kind'), dataIndex: 'kind', render: (kind: ChangeKind) => <Tag color={CHANGE_STYLE[kind].color}>{t(CHANGE_STYLE[kind].label)}</Tag> },
    { title: t('diff.column.element'), dataIndex: 'id', render: (id: string, change) => <span>{change.name ?? ''} <Typography.Text code translate="no">{id}</Typography.Text></span> },
    { title: t('diff.column.type'), dataIndex: 'type', render: (type: string) => <span title={type}>{t(elementKindKey(kindOfBpmnType(type)))}</span> },
    {
      title: t('diff.column.attributes'),
      dataIndex: 'attributes',
      render: (attributes: string[], change) =>
        change.values.length > 0 ? (
          change.values.map((value) => <ValueLine key={value.path} change={value} />)
        ) : (
          <span title={attributes.join(', ')}>{[...new Set(attributes.map((path) => t(diffPropertyKey(path))))].join('、') || t('library.none')}</span>
        ),
    },
  ];
  return (
    <Table<DiagramChange>
      rowKey={(change) => `${change.kind}:${change.id}`}
      size="small"
      columns={columns}
      dataSource={changes as DiagramChange[]}
      pagination={false}
      locale={{ emptyText: t('diff.none') }}
      onRow={(change) => ({
        onClick: () => onPick?.(change.id),
        'aria-selected': change.id === picked,
        style: { cursor: onPick ? 'pointer' : undefined, background: change.id === picked ? '#e6f4ff' : undefined },
      })}
    />
  );
}
