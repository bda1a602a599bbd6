// The report's hashes: the chain head as the chain ends, and what an export of the case declares and the server signs
// (the sha256 of its chain, history, model and diagram, the signing key's fingerprint, when it was exported).
import { Descriptions, Skeleton, Typography } from 'antd';
import { useCaseExportHashes } from '../../api/hooks/useCaseExportHashes.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { useAuditTime } from '../AuditCase/useAuditTime';

const Hash = ({ value, testId }: { value: string | null; testId?: string }) => (
  <Typography.Text code className="report-hash" data-testid={testId}>
    {value ?? '—'}
  </Typography.Text>
);

/** The chain head `headHash` of case `instanceId` and the hashes of its export. */
export function ReportHashes({ instanceId, headHash }: { instanceId: string; headHash: string | null }) {
  const t = useT();
  const formatTime = useAuditTime();
  const exported = useCaseExportHashes(instanceId);
  const hashes = exported.data?.hashes;
  return (
    <>
      {exported.error && <ProblemAlert message={t('audit.report.loadFailed')} error={exported.error} />}
      {exported.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'head', label: t('audit.report.headHash'), children: <Hash value={headHash} testId="report-head-hash" /> },
            { key: 'audit', label: t('audit.report.exportAudit'), children: <Hash value={hashes?.audit ?? null} testId="report-export-hash" /> },
            { key: 'history', label: t('audit.report.exportHistory'), children: <Hash value={hashes?.history ?? null} testId="report-history-hash" /> },
            { key: 'model', label: t('audit.report.exportModel'), children: <Hash value={hashes?.model ?? null} /> },
            { key: 'xml', label: t('audit.report.exportXml'), children: <Hash value={hashes?.xml ?? null} /> },
            { key: 'key', label: t('audit.report.signingKey'), children: <Hash value={exported.data?.keyId ?? null} testId="report-signing-key" /> },
            { key: 'at', label: t('audit.report.exportedAt'), children: exported.data ? formatTime(exported.data.exportedAt) : '—' },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('audit.report.hashNote')}
      </Typography.Paragraph>
    </>
  );
}
