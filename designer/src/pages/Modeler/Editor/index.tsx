// Loads what to edit for a definition key: its draft when it is newer than the latest deployment, else that version.
// The workspace (bpmn-js, its properties panel, lint: ~1.7 MB) is a chunk of its own, fetched while the draft is read
// instead of before (bench row 6: the draft's request waited for that chunk).
import { Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useDraft } from '../../../api/hooks/useDraft.query';
import { useVersion } from '../../../api/hooks/useVersion.query';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n/useT';
import { RENAMED_KEYS } from '../renamedKeys';

let workspaceChunk: Promise<typeof import('../Workspace')> | undefined;
/** The workspace's module, fetched once. */
const workspaceModule = () => (workspaceChunk ??= import('../Workspace'));
const Workspace = lazy(() => workspaceModule().then((module) => ({ default: module.Workspace })));

/**
 * The modeler for `definitionKey`, opened on the newest work: the draft, unless a version was deployed after it was saved
 * (by someone else, or this draft's own deployment). After a rename the draft alone is enough (the key has no version).
 */
export function Editor({ definitionKey }: { definitionKey: string }) {
  const t = useT();
  const draft = useDraft(definitionKey);
  const latest = useVersion(definitionKey);
  const latestMissing = latest.error?.status === 404;
  useEffect(() => void workspaceModule(), []);

  if (draft.error) return <ProblemAlert message={t('modeler.loadFailed')} error={draft.error} />;
  if (latest.error && !latestMissing) return <ProblemAlert message={t('modeler.loadFailed')} error={latest.error} />;
  const spinner = <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  if (draft.isPending || (latest.isPending && !RENAMED_KEYS.has(definitionKey))) return spinner;

  const deployed = latest.data ?? null;
  const saved = draft.data ?? null;
  const draftIsNewest = saved !== null && (deployed === null || Date.parse(saved.savedAt) >= Date.parse(deployed.deployedAt));
  const xml = draftIsNewest ? saved.xml : deployed?.xml;
  if (!xml) return <Result status="404" title={t('modeler.notFound', { key: definitionKey })} />;
  return (
    <Suspense fallback={spinner}>
      <Workspace definitionKey={definitionKey} initialXml={xml} baseVersion={draftIsNewest ? saved.baseVersion : (deployed?.version ?? null)} latestVersion={deployed?.version ?? null} />
    </Suspense>
  );
}
