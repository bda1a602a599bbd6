// A definition's version history: every deployed version, and a visual diff of any two.
import { Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useVersions } from '../../api/hooks/useVersions.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { modelerPath, type RouteParams } from '../../routing/paths';
import { VersionDiff } from './VersionDiff';
import { VersionTable } from './VersionTable';

/** The versions of `params.key`, newest first; two pickers choose what to compare (by default the last two). */
export function VersionHistory({ params }: { params: RouteParams }) {
  const t = useT();
  const key = params.key;
  const versions = useVersions(key);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const items = versions.data ?? [];
  const to = picked.to ?? items[0]?.version;
  const from = picked.from ?? items[1]?.version;
  const options = items.map((item) => ({ value: item.version, label: t('library.version', { version: item.version }) }));

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('history.title', { name: items[0]?.name ?? key })}
        </Typography.Title>
        <Button onClick={() => navigate(modelerPath(key))}>{t('history.openModeler')}</Button>
      </Flex>
      {versions.error && <ProblemAlert message={t('history.loadFailed')} error={versions.error} />}
      <VersionTable items={items} loading={versions.isPending} />
      {items.length > 1 && (
        <Space wrap>
          <Typography.Text strong>{t('history.compare')}</Typography.Text>
          <Select aria-label={t('history.from')} value={from} options={options} onChange={(value: number) => setPicked({ from: value, to })} style={{ width: 120 }} />
          <Typography.Text>→</Typography.Text>
          <Select aria-label={t('history.to')} value={to} options={options} onChange={(value: number) => setPicked({ from, to: value })} style={{ width: 120 }} />
        </Space>
      )}
      {from !== undefined && to !== undefined && from !== to && <VersionDiff definitionKey={key} from={from} to={to} />}
    </Flex>
  );
}
