// A case's progress: its status, its diagram with the current element highlighted, and its timeline so far.
import { Alert, Button, Card, Flex, Skeleton, Tag } from 'antd';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { caseStatusOf, type CompletedElement } from '../../api/instances';
import { useCase } from '../../api/hooks/useCase.query';
import { useMe } from '../../api/hooks/useMe.query';
import { useVersion } from '../../api/hooks/useVersion.query';
import { DEFINITION_READERS, DESIGNERS, hasAnyRole } from '../../../../contracts/roles';
import { useT } from '../../i18n/useT';
import { TwoColumns } from '../../layout/TwoColumns';
import { CaseDiagram, type CaseMarks } from '../CaseDiagram';
import { CaseTimeline } from '../CaseTimeline';
import { nodeInfoOf, timelineEntries } from '../CaseTimeline/timelineEntries';
import { ProblemAlert } from '../ProblemAlert';
import { CaseStatusTag } from '../CaseStatusTag';

/**
 * The diagram (when the user may read definitions) beside the timeline of case `instanceId`; `elementId` is emphasised.
 * Memoised: the page around it re-rendering (its own queries answering) does not render the timeline again.
 */
export const CaseProgress = memo(function CaseProgress({
  instanceId,
  elementId,
  layout = 'columns',
  diagramHeight = 320,
  showStatus = true,
  diagramToggle,
}: {
  instanceId: string;
  elementId?: string;
  /** Diagram beside the timeline, or above it. */
  layout?: 'columns' | 'stacked';
  diagramHeight?: number;
  /** Whether the diagram card shows the case's status (pages that show it already pass false). */
  showStatus?: boolean;
  /** When given, the diagram can be hidden and shown (a 展开 / 收起 button), starting so; hidden, bpmn-js is not loaded. */
  diagramToggle?: 'shown' | 'hidden';
}) {
  const t = useT();
  const me = useMe();
  const mayReadDiagram = hasAnyRole(me.data?.roles ?? [], DEFINITION_READERS);
  // The case's answer renders as a deferred update, in slices between frames, not as one long task.
  const caseQuery = useDeferredValue(useCase(instanceId));
  const view = caseQuery.data;
  const [diagramShown, setDiagramShown] = useState(diagramToggle !== 'hidden');
  // A hidden diagram needs the version only for element names the case does not carry itself.
  const version = useVersion(view?.definitionKey ?? '', view?.definitionVersion, { enabled: Boolean(view) && mayReadDiagram && (diagramShown || !view?.elements) });
  const [diagramError, setDiagramError] = useState<string | null>(null);

  const state = view?.state;
  const completed = state?.completed as CompletedElement[] | undefined;
  const takenFlows = state?.takenFlows as string[] | undefined;
  // A case that ended (its summary says so, e.g. failed) has no current element, whatever its last workflow state held.
  const active = useMemo(() => (view && caseStatusOf(view) !== 'running' ? [] : state?.activeElements), [view, state]);
  const marks = useMemo<CaseMarks>(
    () => ({
      current: active?.map((a) => a.elementId) ?? (elementId ? [elementId] : []),
      done: completed?.map((c) => c.elementId) ?? [],
      taken: takenFlows ?? [],
    }),
    [active, completed, takenFlows, elementId],
  );
  // The case names its elements itself (so people who may not read the diagram see names too); the model is the fallback.
  const nodes = useMemo(() => view?.elements ?? nodeInfoOf(version.data?.model), [view?.elements, version.data]);
  const entries = useMemo(() => (state ? timelineEntries({ completed, activeElements: active ?? [] }, nodes) : []), [state, active, completed, nodes]);

  // A volunteer works on tasks of cases only their starters read (GET /api/instances/:id is a 404 to them): no progress to show, and no error.
  if (caseQuery.error?.status === 404) return null;
  if (caseQuery.error) return <ProblemAlert message={t('case.loadFailed')} error={caseQuery.error} />;
  if (!view) return <Skeleton active />;

  const toggle = diagramToggle && (
    <Button size="small" aria-expanded={diagramShown} onClick={() => setDiagramShown((shown) => !shown)}>
      {t(diagramShown ? 'case.diagramCollapse' : 'case.diagramExpand')}
    </Button>
  );
  const diagram = (
    <Card
      size="small"
      title={t('case.diagram')}
      extra={(showStatus || toggle) && <Flex gap="small" align="center">{showStatus && <CaseStatusTag status={caseStatusOf(view)} incidents={view.state.incidents.length} />}{toggle}</Flex>}
      styles={diagramShown ? undefined : { body: { display: 'none' } }}
    >
      {diagramShown && (
        <>
          {!mayReadDiagram && <Alert type="info" showIcon title={t('case.diagramHidden')} />}
          {version.error && <ProblemAlert message={t('case.diagramFailed')} error={version.error} />}
          {diagramError && <Alert type="error" showIcon title={t('case.diagramFailed')} description={diagramError} />}
          {version.isPending && mayReadDiagram && <Skeleton.Node active style={{ width: '100%', height: diagramHeight }} />}
          {version.data && <CaseDiagram xml={version.data.xml} marks={marks} height={diagramHeight} label={t('case.diagramLabel', { key: view.definitionKey })} onError={(error) => setDiagramError(error.message)} />}
          <div style={{ marginTop: 8, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {marks.current.length > 0 && <Tag color="blue">{t('case.legend.current')}</Tag>}
            <Tag color="green">{t('case.legend.done')}</Tag>
          </div>
        </>
      )}
    </Card>
  );
  const timeline = (
    <Card size="small" title={t('timeline.title')} styles={{ body: { maxHeight: layout === 'columns' ? diagramHeight + 72 : undefined, overflow: 'auto', paddingTop: 16 } }}>
      <CaseTimeline entries={entries} highlight={elementId} operator={hasAnyRole(me.data?.roles ?? [], DESIGNERS)} />
    </Card>
  );
  if (layout === 'stacked') {
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        {diagram}
        {timeline}
      </div>
    );
  }
  return <TwoColumns ratio={[16, 8]} first={diagram} second={timeline} />;
});
