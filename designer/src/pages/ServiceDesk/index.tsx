// 服务大厅: the processes the resident may start, as a catalogue of cards with an icon and what each service is for
// (its description); a card opens the order page. No process keys are shown.
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useStartableDefinitions } from '../../api/hooks/useStartableDefinitions.query';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProcessIcon } from '../../components/ProcessIcon';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { placeOrderPath } from '../../routing/paths';

/** The service desk: one card per process the caller may start. */
export function ServiceDeskPage() {
  const t = useT();
  const definitions = useStartableDefinitions();
  const offered = definitions.data?.items ?? [];

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('serviceDesk.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('serviceDesk.intro')}
      </Typography.Paragraph>
      {definitions.error && <ProblemAlert message={t('serviceDesk.loadFailed')} error={definitions.error} />}
      {definitions.isPending && <Skeleton active avatar paragraph={{ rows: 2 }} />}
      {definitions.data && offered.length === 0 && <Empty description={t('serviceDesk.empty')} />}
      <Flex vertical gap="small" role="list" aria-label={t('serviceDesk.title')}>
        {offered.map((definition) => {
          const name = definition.name ?? t('serviceDesk.unnamed');
          return (
            <Card key={definition.key} hoverable role="listitem" size="small" onClick={() => navigate(placeOrderPath(definition.key))} aria-label={name}>
              <Flex gap="middle" align="center">
                <ProcessIcon icon={definition.icon} name={name} />
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {name}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
                    {definition.description ?? t('serviceDesk.noDescription')}
                  </Typography.Paragraph>
                </Flex>
              </Flex>
            </Card>
          );
        })}
      </Flex>
    </Flex>
  );
}
