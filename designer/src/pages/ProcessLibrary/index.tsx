// The process library: deployed definitions (refreshed every 10 s) and drafts, with create, import and export.
import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { useDrafts } from '../../api/hooks/useDraft.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { recentDraftKeys } from '../../storage/recentDrafts';
import { ImportBpmnButton } from './ImportBpmnButton';
import { libraryRows } from './libraryRows';
import { NewProcessButton } from './NewProcessButton';
import { ProcessTable } from './ProcessTable';

const REFRESH_MS = 10_000;

/** The process owners' home page: the process table (or why it could not load), new process and import. */
export function ProcessLibrary() {
  const t = useT();
  const definitions = useDefinitions({ refetchInterval: REFRESH_MS });
  const keys = useMemo(() => [...new Set([...(definitions.data?.items.map((item) => item.key) ?? []), ...recentDraftKeys()])], [definitions.data]);
  const drafts = useDrafts(keys);
  const rows = libraryRows(definitions.data?.items ?? [], new Map(keys.map((key, index) => [key, drafts[index]?.data ?? null])));

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('library.title')}
        </Typography.Title>
        <Flex gap="small">
          <NewProcessButton />
          <ImportBpmnButton />
        </Flex>
      </Flex>
      {definitions.error && <ProblemAlert message={t('library.loadFailed')} error={definitions.error} />}
      {(definitions.data || definitions.isPending) && <ProcessTable rows={rows} loading={definitions.isPending} />}
    </Flex>
  );
}
