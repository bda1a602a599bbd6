// The process library: deployed definitions and the server's drafts (both refreshed every 10 s), with create, import and export.
import { Flex, Typography } from 'antd';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { useDrafts } from '../../api/hooks/useDrafts.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { ImportBpmnButton } from './ImportBpmnButton';
import { libraryRows } from './libraryRows';
import { NewProcessButton } from './NewProcessButton';
import { ProcessTable } from './ProcessTable';

const REFRESH_MS = 10_000;

/** The process owners' home page: the process table (or why it could not load), new process and import. */
export function ProcessLibrary() {
  const t = useT();
  const definitions = useDefinitions({ refetchInterval: REFRESH_MS });
  const drafts = useDrafts({ refetchInterval: REFRESH_MS });
  const rows = libraryRows(definitions.data?.items ?? [], drafts.data?.items ?? []);
  const error = definitions.error ?? drafts.error;

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
      {error && <ProblemAlert message={t('library.loadFailed')} error={error} />}
      {!error && <ProcessTable rows={rows} loading={definitions.isPending || drafts.isPending} />}
    </Flex>
  );
}
