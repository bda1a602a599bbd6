// The process library: every deployed definition, refreshed every 10 s, with BPMN import.
import { Flex, Typography } from 'antd';
import { useDefinitions } from '../../api/hooks/useDefinitions.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { DefinitionsTable } from './DefinitionsTable';
import { ImportBpmnButton } from './ImportBpmnButton';

const REFRESH_MS = 10_000;

/** The process owners' home page: the definition table (or why it could not load) and the import button. */
export function ProcessLibrary() {
  const t = useT();
  const definitions = useDefinitions({ refetchInterval: REFRESH_MS });

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('library.title')}
        </Typography.Title>
        <ImportBpmnButton />
      </Flex>
      {definitions.error && <ProblemAlert message={t('library.loadFailed')} error={definitions.error} />}
      {(definitions.data || definitions.isPending) && (
        <DefinitionsTable items={definitions.data?.items ?? []} loading={definitions.isPending} />
      )}
    </Flex>
  );
}
