// The printable audit report of a case (zh-CN first): the case header, the verification run when the report opens,
// the chain head and the export's hashes, what happened step by step in words, and the chain's records. 打印 / 导出 PDF
// prints it through the browser (window.print); the print style leaves out the app's header, menu and buttons.
import { Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { TimelineStep } from '../../api/audit';
import { useCaseAudit, useCaseHistory } from '../../api/hooks/useCaseAudit.query';
import { useCase } from '../../api/hooks/useCase.query';
import { useMe } from '../../api/hooks/useMe.query';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useVersion } from '../../api/hooks/useVersion.query';
import { caseStatusOf } from '../../api/instances';
import { ProblemAlert } from '../../components/ProblemAlert';
import { plainKindKey } from '../../i18n/plainKindKey';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { auditCasePath, type RouteParams } from '../../routing/paths';
import { useAuditTime } from '../AuditCase/useAuditTime';
import { usePersonName } from '../AuditCase/usePersonName';
import { useVariableWords } from '../AuditCase/useVariableWords';
import { ReportChain } from './ReportChain';
import { ReportHashes } from './ReportHashes';
import { ReportSteps } from './ReportSteps';
import { ReportVerification } from './ReportVerification';
import './auditReport.css';

/** The audit report of case `params.id`. */
export function AuditReportPage({ params }: { params: RouteParams }) {
  const t = useT();
  const formatTime = useAuditTime();
  const streetName = useStreetName();
  const id = params.id;
  const me = useMe().data;
  const view = useCase(id);
  const audit = useCaseAudit(id);
  const history = useCaseHistory(id);
  const version = useVersion(view.data?.definitionKey ?? '', view.data?.definitionVersion, { enabled: Boolean(view.data) });
  const labels = useVariableWords(version.data?.forms ?? (version.error ? [] : undefined));
  const rows = useMemo(() => audit.data?.rows ?? [], [audit.data]);
  const timeline = useMemo(() => history.data?.timeline ?? [], [history.data]);
  const personName = usePersonName([me?.username, view.data?.startedBy, ...rows.map((row) => row.actor), ...timeline.flatMap((step) => [step.actor, step.startedBy])]);

  const nodes = (version.data?.model as { nodes?: Record<string, { name?: string; kind?: string }> } | undefined)?.nodes;
  const elementLabel = useCallback(
    (elementId: string) => nodes?.[elementId]?.name?.trim() || view.data?.elements?.[elementId]?.name?.trim() || t(plainKindKey(nodes?.[elementId]?.kind ?? view.data?.elements?.[elementId]?.kind)),
    [nodes, view.data?.elements, t],
  );
  const stepName = useCallback(
    (step: TimelineStep) => (step.elementKind === 'case' ? t('audit.step.case') : step.elementName?.trim() || (step.elementId ? elementLabel(step.elementId) : t(plainKindKey(step.elementKind)))),
    [elementLabel, t],
  );

  const error = view.error ?? audit.error ?? history.error;
  if (error) return <ProblemAlert message={t('audit.report.loadFailed')} error={error} />;
  if (!view.data) return <Skeleton active />;
  const c = view.data;
  const headHash = rows.length > 0 ? rows[rows.length - 1].hash : null;

  return (
    <article className="sparrow-audit-report" data-testid="audit-report">
      <Flex justify="space-between" align="center" wrap gap="small" className="report-no-print">
        <Button onClick={() => navigate(auditCasePath(id))}>{t('audit.report.back')}</Button>
        <Button type="primary" onClick={() => window.print()}>
          {t('audit.report.print')}
        </Button>
      </Flex>
      <header className="report-header">
        <Typography.Title level={2}>{t('audit.report.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('audit.report.generated', { who: me ? personName(me.username) : '—', at: formatTime(new Date().toISOString()) })}</Typography.Text>
      </header>

      <section className="report-section">
        <Typography.Title level={3}>{t('audit.report.section.case')}</Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={2}
          data-testid="report-case"
          items={[
            { key: 'process', label: t('audit.report.process'), span: 2, children: t('audit.report.processVersion', { name: version.data?.name ?? c.definitionKey, version: c.definitionVersion }) },
            { key: 'key', label: t('audit.report.businessKey'), children: c.businessKey },
            { key: 'street', label: t('audit.report.street'), children: streetName(c.street) },
            { key: 'startedBy', label: t('audit.report.startedBy'), children: c.startedBy ? personName(c.startedBy) : '—' },
            { key: 'status', label: t('audit.report.status'), children: t(`case.status.${caseStatusOf(c)}`) },
            { key: 'startedAt', label: t('audit.report.startedAt'), children: formatTime(c.startedAt) },
            { key: 'endedAt', label: t('audit.report.endedAt'), children: c.endedAt ? formatTime(c.endedAt) : t('audit.report.notEnded') },
            { key: 'id', label: t('audit.report.caseId'), span: 2, children: c.id },
          ]}
        />
      </section>

      <section className="report-section">
        <Typography.Title level={3}>{t('audit.report.section.verification')}</Typography.Title>
        <ReportVerification instanceId={id} />
      </section>

      <section className="report-section">
        <Typography.Title level={3}>{t('audit.report.section.hashes')}</Typography.Title>
        {audit.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : <ReportHashes instanceId={id} headHash={headHash} />}
      </section>

      <section className="report-section">
        <Typography.Title level={3}>{t('audit.report.section.steps')}</Typography.Title>
        {history.isPending || !labels ? <Skeleton active /> : <ReportSteps timeline={timeline} stepName={stepName} personName={personName} labels={labels} />}
      </section>

      <section className="report-section report-page-break">
        <Typography.Title level={3}>{t('audit.report.section.chain')}</Typography.Title>
        {audit.isPending ? <Skeleton active /> : <ReportChain rows={rows} elementLabel={elementLabel} personName={personName} />}
      </section>
    </article>
  );
}
