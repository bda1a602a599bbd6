// The process library: deployed definitions and the server's drafts (both refreshed every 10 s), searched by name and
// key, with create, import and export.
import { Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { useDrafts } from '../../api/hooks/useDrafts.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { ImportBpmnButton } from './ImportBpmnButton';
import { libraryRows, searchRows } from './libraryRows';
import { NewProcessButton } from './NewProcessButton';
import { ProcessTable } from './ProcessTable';

const REFRESH_MS = 10_000;

/** The process owners' home page: the process table (or why it could not load), new process and import. */
export function ProcessLibrary() {
  const t = useT();
  const definitions = useDefinitions({ refetchInterval: REFRESH_MS });
  const drafts = useDrafts({ refetchInterval: REFRESH_MS });
  const [search, setSearch] = useState('');
  const allRows = libraryRows(definitions.data?.items ?? [], drafts.data?.items ?? []);
  const rows = searchRows(allRows, search);
  const error = definitions.error ?? drafts.error;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('library.title')}
        </Typography.Title>
        <Flex gap="small">
          <NewProcessButton />
          <ImportBpmnButton rows={allRows} />
        </Flex>
      </Flex>
      <Input.Search
        allowClear
        aria-label={t('library.search')}
        placeholder={t('library.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ maxWidth: 360 }}
      />
      {error && <ProblemAlert message={t('library.loadFailed')} error={error} />}
      {!error && <ProcessTable rows={rows} loading={definitions.isPending || drafts.isPending} searching={search.trim() !== ''} />}
    </Flex>
  );
}
