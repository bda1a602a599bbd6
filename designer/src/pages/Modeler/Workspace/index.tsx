// The modeling workspace: toolbar, canvas with properties panel and zoom buttons, lint panel and deploy dialog around one
// modeler.
import { App } from 'antd';
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useEffect, useMemo, useRef, useState } from 'react';
import { deploymentProblems, type ModelProblem } from '../../../api/deployments';
import { useCreateDeployment } from '../../../api/hooks/useCreateDeployment.mutation';
import { useDefinitions } from '../../../api/hooks/useDefinitions.query';
import { useDeleteDraft } from '../../../api/hooks/useDeleteDraft.mutation';
import { useForms } from '../../../api/hooks/useForms.query';
import type ProcessCatalog from '../../../bpmn/calledProcess/ProcessCatalog';
import { downloadText } from '../../../bpmn/download';
import type FormCatalog from '../../../bpmn/formPicker/FormCatalog';
import { readProcessHeader } from '../../../bpmn/processHeader';
import { markServerProblems } from '../../../bpmn/serverProblems';
import { bpmnTranslator } from '../../../bpmn/translate';
import { problemLine } from '../../../i18n/describeProblem';
import { localizeModelProblems } from '../../../i18n/modelProblems';
import { useLocale } from '../../../i18n/LocaleProvider';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';
import { modelerPath, versionsPath } from '../../../routing/paths';
import { BpmnCanvas, type LintIssue } from '../BpmnCanvas';
import { DeployDialog } from '../DeployDialog';
import { LintPanel, panelFindings } from '../LintPanel';
import { RENAMED_KEYS } from '../renamedKeys';
import { Toolbar } from '../Toolbar';
import { ZoomControls } from '../ZoomControls';
import { useAutosave } from './useAutosave';
import { useImportNote } from './useImportNote';
import { useOrgDirectory } from './useOrgDirectory';

interface Registry {
  get(id: string): { businessObject?: { name?: string } } | undefined;
}

const NO_SERVER_FINDINGS = { problems: [] as ModelProblem[], warnings: [] as ModelProblem[] };

/** Edits one definition: autosaves drafts, lints, deploys with a note, exports XML and SVG. */
export function Workspace({ definitionKey, initialXml, baseVersion, latestVersion }: { definitionKey: string; initialXml: string; baseVersion: number | null; latestVersion: number | null }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [modeler, setModeler] = useState<BpmnModeler | null>(null);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [server, setServer] = useState(NO_SERVER_FINDINGS);
  const [name, setName] = useState(() => readProcessHeader(initialXml)?.name ?? null);
  const [deployOpen, setDeployOpen] = useState(false);
  const clearMarks = useRef<() => void>(() => undefined);
  const deploy = useCreateDeployment();
  const forms = useForms();
  const definitions = useDefinitions();
  const discardDraft = useDeleteDraft();
  const draftNote = useImportNote(definitionKey, deployOpen);
  const autosave = useAutosave(definitionKey, baseVersion, (newKey) => {
    RENAMED_KEYS.add(newKey);
    // A process never deployed lives on under its new id only; its draft under the old id would be a stray copy.
    if (latestVersion === null) discardDraft.mutate(definitionKey);
    navigate(modelerPath(newKey), { replace: true });
  });

  useOrgDirectory(modeler);

  useEffect(() => {
    if (modeler && forms.data) modeler.get<FormCatalog>('sparrowForms').setForms(forms.data.items);
  }, [modeler, forms.data]);

  useEffect(() => {
    if (modeler && definitions.data) modeler.get<ProcessCatalog>('sparrowProcesses').setProcesses(definitions.data.items);
  }, [modeler, definitions.data]);

  const translate = useMemo(() => bpmnTranslator(locale), [locale]);
  const findings = useMemo(() => {
    const registry = modeler?.get<Registry>('elementRegistry');
    const localized = { problems: localizeModelProblems(t, server.problems), warnings: localizeModelProblems(t, server.warnings) };
    return panelFindings(issues, localized, { nameOf: (id) => registry?.get(id)?.businessObject?.name || undefined, translate });
  }, [issues, server, modeler, translate, t]);
  const errorCount = findings.filter((finding) => finding.source === 'lint' && finding.severity === 'error').length;

  function select(elementId: string) {
    const element = modeler?.get<Registry>('elementRegistry').get(elementId);
    if (!modeler || !element) return;
    modeler.get<{ select(element: unknown): void }>('selection').select(element);
    modeler.get<{ scrollToElement(element: unknown): void }>('canvas').scrollToElement(element);
  }

  async function exportAs(kind: 'xml' | 'svg') {
    if (!modeler) return;
    if (kind === 'xml') downloadText(`${definitionKey}.bpmn`, (await modeler.saveXML({ format: true })).xml ?? '', 'application/xml');
    else downloadText(`${definitionKey}.svg`, (await modeler.saveSVG()).svg, 'image/svg+xml');
  }

  async function runDeploy(note: string) {
    if (!modeler) return;
    autosave.flush();
    const { xml } = await modeler.saveXML({ format: true });
    clearMarks.current();
    deploy.mutate(
      { xml: xml ?? '', note: note || undefined },
      {
        onSuccess: ({ key, version, created, warnings }) => {
          setDeployOpen(false);
          setServer({ problems: [], warnings: warnings ?? [] });
          void message.success(t(created ? 'import.deployed' : 'import.unchanged', { key, version }));
        },
        onError: (error) => {
          setDeployOpen(false);
          const problems = deploymentProblems(error);
          if (problems) {
            setServer({ problems, warnings: [] });
            clearMarks.current = markServerProblems(modeler, localizeModelProblems(t, problems));
            void message.error(t('problems.rejected', { count: problems.length }));
            return;
          }
          void message.error(t('deploy.failed', { title: problemLine(t, error) }));
        },
      },
    );
  }

  const commandStack = () => modeler?.get<{ undo(): void; redo(): void }>('commandStack');

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 64px - 32px)', minHeight: 480 }}>
      <Toolbar
        name={name}
        definitionKey={definitionKey}
        latestVersion={latestVersion}
        status={autosave.status}
        errorCount={errorCount}
        ready={modeler !== null}
        onUndo={() => commandStack()?.undo()}
        onRedo={() => commandStack()?.redo()}
        onExportXml={() => void exportAs('xml')}
        onExportSvg={() => void exportAs('svg')}
        onHistory={() => navigate(versionsPath(definitionKey))}
        onDeploy={() => setDeployOpen(true)}
      />
      <div style={{ position: 'relative', flex: 1, minHeight: 0, display: 'flex' }}>
        <BpmnCanvas
          initialXml={initialXml}
          locale={locale}
          events={{
            onModeler: setModeler,
            onChange: (xml) => {
              setName(readProcessHeader(xml)?.name ?? null);
              autosave.schedule(xml);
            },
            onLint: setIssues,
            onImportError: (error) => void message.error(t('modeler.importFailed', { detail: error.message })),
          }}
        />
        <ZoomControls modeler={modeler} />
      </div>
      <LintPanel findings={findings} onSelect={select} />
      <DeployDialog open={deployOpen} deploying={deploy.isPending} initialNote={draftNote} onDeploy={(note) => void runDeploy(note)} onClose={() => setDeployOpen(false)} />
    </div>
  );
}
