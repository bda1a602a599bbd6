// The report's audit chain: every record with its kind in words, the step's element, who, when and its hash's start.
import type { AuditRow } from '../../api/audit';
import { auditKindKey } from '../../i18n/auditKindKey';
import { useT } from '../../i18n/useT';
import { useAuditTime } from '../AuditCase/useAuditTime';

const HASH_PREFIX = 16;

/** Lists `rows`; `elementLabel` names an element, `personName` a username. */
export function ReportChain({ rows, elementLabel, personName }: { rows: readonly AuditRow[]; elementLabel: (id: string) => string; personName: (username: string) => string }) {
  const t = useT();
  const formatTime = useAuditTime();
  const kindName = (kind: string) => {
    const key = auditKindKey(kind);
    return key ? t(key) : kind;
  };
  return (
    <table className="report-table report-table-compact" data-testid="report-chain">
      <thead>
        <tr>
          <th>{t('audit.report.col.seq')}</th>
          <th>{t('audit.report.col.kind')}</th>
          <th>{t('audit.report.col.element')}</th>
          <th>{t('audit.report.col.who')}</th>
          <th>{t('audit.report.col.when')}</th>
          <th>{t('audit.report.col.hash')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.seq}>
            <td>{row.seq}</td>
            <td title={row.kind}>{kindName(row.kind)}</td>
            <td>{row.elementId ? elementLabel(row.elementId) : '—'}</td>
            <td>{personName(row.actor)}</td>
            <td className="report-nowrap">{formatTime(row.at)}</td>
            <td className="report-hash">{row.hash ? row.hash.slice(0, HASH_PREFIX) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
