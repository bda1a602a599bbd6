// The auditor's case page (read-only): the diagram with the path taken and the tokens of the chosen step, a step
// navigator, the step's details and variables, the audit chain, its links to the calling and the called cases' chains,
// one-click verification and the export.
import { Alert, App as AntApp, Button, Card, Col, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useCaseAudit, useCaseHistory } from '../../api/hooks/useCaseAudit.query';
import { useCase } from '../../api/hooks/useCase.query';
import { useExportCase } from '../../api/hooks/useExportCase.mutation';
import { useVersion } from '../../api/hooks/useVersion.query';
import { caseStatusOf } from '../../api/instances';
import { CaseDiagram, type CaseMarks } from '../../components/CaseDiagram';
import { CaseStatusTag } from '../../components/CaseStatusTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemLine } from '../../i18n/describeProblem';
import { plainKindKey } from '../../i18n/plainKindKey';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { auditReportPath, auditSearchPath, type RouteParams } from '../../routing/paths';
import { AuditChainTable } from './AuditChainTable';
import { ChainLinks } from './ChainLinks';
import { StepDetails } from './StepDetails';
import { StepNavigator } from './StepNavigator';
import { auditSteps, type FlowEnds, positionOfSeq } from './stepModel';
import { usePersonName } from './usePersonName';
import { useVariableWords } from './useVariableWords';
import { VerifyBar } from './VerifyBar';

const DIAGRAM_HEIGHT = 340;

/** Case `params.id` as an auditor steps through it. */
export function AuditCasePage({ params }: { params: RouteParams }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const id = params.id;
  const view = useCase(id);
  const audit = useCaseAudit(id);
  const history = useCaseHistory(id);
  const version = useVersion(view.data?.definitionKey ?? '', view.data?.definitionVersion, { enabled: Boolean(view.data) });
  const exporter = useExportCase(id);
  const labels = useVariableWords(version.data?.forms ?? (version.error ? [] : undefined));
  const [position, setPosition] = useState(1);
  const [diagramError, setDiagramError] = useState<string | null>(null);

  const personName = usePersonName([...(audit.data?.rows ?? []).map((row) => row.actor), ...(history.data?.timeline ?? []).flatMap((step) => [step.actor, step.startedBy])]);

  const model = version.data?.model as { nodes?: Record<string, { name?: string; kind?: string }>; flows?: Record<string, FlowEnds> } | undefined;
  const takenFlows = view.data?.state.takenFlows as string[] | undefined;
  const steps = useMemo(
    () => (history.data && audit.data ? auditSteps(history.data.timeline, audit.data.rows, Object.values(model?.flows ?? {}), takenFlows) : []),
    [history.data, audit.data, model, takenFlows],
  );
  const current = steps[Math.min(position, steps.length) - 1];
  const marks = useMemo<CaseMarks>(() => ({ current: current?.tokens.map((token) => token.elementId) ?? [], done: current?.done ?? [], taken: current?.taken ?? [] }), [current]);
  const tokens = useMemo(() => current?.tokens.map((token) => token.elementId) ?? [], [current]);
  // an element without a name is named by its kind in plain words (判断), never by its id
  const elements = view.data?.elements;
  const elementLabel = useCallback(
    (elementId: string) => model?.nodes?.[elementId]?.name?.trim() || elements?.[elementId]?.name?.trim() || t(plainKindKey(model?.nodes?.[elementId]?.kind ?? elements?.[elementId]?.kind)),
    [model, elements, t],
  );
  const stepOf = useCallback((seq: number) => positionOfSeq(steps, seq), [steps]);

  const error = view.error ?? audit.error ?? history.error;
  if (error) return <ProblemAlert message={t('audit.case.loadFailed')} error={error} />;
  if (!view.data) return <Skeleton active />;
  const c = view.data;

  const download = () =>
    exporter.mutate(undefined, {
      onSuccess: (file) => void message.success(t('audit.exported', { file })),
      onError: (error) => void message.error(t('audit.exportFailed', { title: problemLine(t, error) })),
    });

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('audit.case.title', { key: c.businessKey })}
          </Typography.Title>
          <CaseStatusTag status={caseStatusOf(c)} incidents={c.state.incidents.length} />
          <Tag>{t('audit.case.readOnly')}</Tag>
        </Space>
        <Space wrap>
          <Button onClick={() => navigate(auditReportPath(id))}>{t('audit.report.open')}</Button>
          <Button onClick={download} loading={exporter.isPending}>
            {t('audit.export')}
          </Button>
          <Button onClick={() => navigate(auditSearchPath())}>{t('audit.case.back')}</Button>
        </Space>
      </Flex>
      <Card size="small">
        <VerifyBar instanceId={id} />
      </Card>
      {audit.data && <ChainLinks links={audit.data.links} elementLabel={elementLabel} />}
      {history.data && !history.data.replay.ok && <Alert type="warning" showIcon title={t('audit.case.replayIncomplete', { message: history.data.replay.divergence?.message ?? '' })} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('audit.case.diagram')}>
            {version.error && <ProblemAlert message={t('case.diagramFailed')} error={version.error} />}
            {diagramError && <Alert type="error" showIcon title={t('case.diagramFailed')} description={diagramError} />}
            {version.data ? (
              <CaseDiagram
                xml={version.data.xml}
                marks={marks}
                tokens={tokens}
                tokenLabel={t('audit.case.legend.token')}
                height={DIAGRAM_HEIGHT}
                label={t('audit.case.diagramLabel', { key: c.definitionKey })}
                onError={(e) => setDiagramError(e.message)}
              />
            ) : (
              !version.error && <Skeleton.Node active style={{ width: '100%', height: DIAGRAM_HEIGHT }} />
            )}
            <Flex gap={8} style={{ margin: '8px 0 12px' }}>
              <Tag color="blue">{t('audit.case.legend.token')}</Tag>
              <Tag color="green">{t('audit.case.legend.done')}</Tag>
            </Flex>
            {history.isPending || audit.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : <StepNavigator position={current?.position ?? 0} total={steps.length} onChange={setPosition} />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>{current && labels ? <StepDetails step={current} elementLabel={elementLabel} labels={labels} personName={personName} /> : <Skeleton active />}</Col>
      </Row>
      {audit.data && <AuditChainTable audit={audit.data} selected={current?.step.auditSeqs ?? []} stepOf={stepOf} onSelectStep={setPosition} elementLabel={elementLabel} personName={personName} />}
    </Flex>
  );
}
