// The visual diff of two versions: both diagrams (older above newer, full width for wide processes) with coloured elements,
// and the list of changes; a change picked in the list is brought into view on both diagrams.
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useVersion } from '../../../api/hooks/useVersion.query';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { diffDiagrams, type DiagramChange } from '../../../bpmn/diffDiagrams';
import { useT } from '../../../i18n/useT';
import { ChangeList, CHANGE_STYLE } from '../ChangeList';
import { DiffViewer } from '../DiffViewer';

function markersOf(changes: readonly DiagramChange[], side: 'old' | 'new'): Record<string, string> {
  const shown = side === 'old' ? ['removed', 'changed'] : ['added', 'changed', 'layoutChanged'];
  return Object.fromEntries(changes.filter((change) => shown.includes(change.kind)).map((change) => [change.id, CHANGE_STYLE[change.kind].marker]));
}

/** Diffs version `from` against `to` of `definitionKey`. */
export function VersionDiff({ definitionKey, from, to }: { definitionKey: string; from: number; to: number }) {
  const t = useT();
  const [picked, setPicked] = useState<string>();
  const older = useVersion(definitionKey, from);
  const newer = useVersion(definitionKey, to);
  const oldXml = older.data?.xml;
  const newXml = newer.data?.xml;
  const changes = useQuery({
    queryKey: ['diff', definitionKey, from, to],
    queryFn: () => diffDiagrams(oldXml as string, newXml as string),
    enabled: Boolean(oldXml && newXml),
    staleTime: Infinity,
  });
  const oldMarkers = useMemo(() => markersOf(changes.data ?? [], 'old'), [changes.data]);
  const newMarkers = useMemo(() => markersOf(changes.data ?? [], 'new'), [changes.data]);

  const error = older.error ?? newer.error;
  if (error) return <ProblemAlert message={t('history.loadFailed')} error={error} />;
  if (changes.error) return <Alert type="error" showIcon title={t('diff.failed')} description={String(changes.error)} />;
  if (!oldXml || !newXml || !changes.data) return <Spin />;

  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap>
        {Object.values(CHANGE_STYLE).map((style) => (
          <Tag key={style.marker} color={style.color}>
            {t(style.label)}
          </Tag>
        ))}
      </Flex>
      <Typography.Text strong>{t('library.version', { version: from })}</Typography.Text>
      <DiffViewer xml={oldXml} markers={oldMarkers} label={t('diff.older', { version: from })} focus={picked} />
      <Typography.Text strong>{t('library.version', { version: to })}</Typography.Text>
      <DiffViewer xml={newXml} markers={newMarkers} label={t('diff.newer', { version: to })} focus={picked} />
      {changes.data.length > 0 && <Typography.Text type="secondary">{t('diff.pickHint')}</Typography.Text>}
      <ChangeList changes={changes.data} picked={picked} onPick={setPicked} />
    </Flex>
  );
}
