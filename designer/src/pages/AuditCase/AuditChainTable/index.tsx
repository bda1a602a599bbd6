// The case's audit chain, one row per record (seq, kind, element, actor, time, hash prefix); the rows of the chosen
// step are highlighted, and choosing a row moves to its step. The actor (by display name, the username on hover) of a
// person's action is in bold.
import { Card, Table, Typography } from 'antd';
import { auditKindMeaning } from '../../../../../contracts/auditKinds';
import type { AuditRow, CaseAudit } from '../../../api/audit';
import { useAuditTime } from '../useAuditTime';
import { auditKindKey } from '../../../i18n/auditKindKey';
import { useT } from '../../../i18n/useT';

const HASH_PREFIX = 12;

/** Lists `audit.rows`; `stepOf(seq)` is the step a row belongs to, `selected` the chosen step's seqs, `personName` names an actor. */
export function AuditChainTable({
  audit,
  selected,
  stepOf,
  onSelectStep,
  elementLabel,
  personName = (actor) => actor,
}: {
  audit: CaseAudit;
  selected: readonly number[];
  stepOf: (seq: number) => number | undefined;
  onSelectStep: (position: number) => void;
  elementLabel: (id: string) => string;
  personName?: (actor: string) => string;
}) {
  const t = useT();
  const formatDateTime = useAuditTime();
  return (
    <Card
      size="small"
      title={t('audit.chain.title')}
      extra={<Typography.Text type="secondary">{audit.seal ? t('audit.chain.sealed', { seq: audit.seal.seq }) : t('audit.chain.open')}</Typography.Text>}
    >
      <Table<AuditRow>
        size="small"
        rowKey="seq"
        aria-label={t('audit.chain.title')}
        dataSource={audit.rows}
        pagination={false}
        scroll={{ y: 320 }}
        rowClassName={(row) => (selected.includes(row.seq) ? 'ant-table-row-selected' : '')}
        onRow={(row) => ({
          onClick: () => {
            const position = stepOf(row.seq);
            if (position !== undefined) onSelectStep(position);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('audit.chain.seq'), dataIndex: 'seq', width: 64 },
          { title: t('audit.chain.step'), key: 'step', width: 64, render: (_: unknown, row) => stepOf(row.seq) ?? '—' },
          {
            title: t('audit.chain.kind'),
            dataIndex: 'kind',
            width: 160,
            // the kind's name, its id (what the export and the verifier say) on hover; a kind newer than this build shows its id
            render: (kind: string) => {
              const key = auditKindKey(kind);
              return <span title={kind}>{key ? t(key) : kind}</span>;
            },
          },
          { title: t('audit.chain.element'), dataIndex: 'elementId', render: (id: string | null) => (id ? elementLabel(id) : '—') },
          { title: t('audit.chain.actor'), dataIndex: 'actor', width: 160, render: (actor: string, row) => <Typography.Text strong={auditKindMeaning(row.kind)?.byPerson} title={actor}>{personName(actor)}</Typography.Text> },
          { title: t('audit.chain.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
          { title: t('audit.chain.hash'), dataIndex: 'hash', width: 140, render: (hash: string | null) => <Typography.Text code>{hash ? `${hash.slice(0, HASH_PREFIX)}…` : '—'}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
