// The links of a case's audit chain to other chains (issue 13): the calling case's, and each child case's, with the
// final chain head this case recorded for it and whether the child's chain ends with exactly that link.
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { CaseAudit } from '../../api/audit';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { auditCasePath } from '../../routing/paths';

type ChildLink = CaseAudit['links']['children'][number];

/** The tag of a child's recorded head: it matches the child's chain, it does not, or the child has not completed. */
function HeadTag({ link }: { link: ChildLink }) {
  const t = useT();
  if (link.matches === null) return <Tag>{t('audit.links.pending')}</Tag>;
  return link.matches ? <Tag color="green">{t('audit.links.matches')}</Tag> : <Tag color="red">{t('audit.links.differs')}</Tag>;
}

/** The 关联案件 card of the auditor's case page; nothing when the case has neither a calling case nor child cases. */
export function ChainLinks({ links, elementLabel }: { links: CaseAudit['links']; elementLabel: (elementId: string) => string }) {
  const t = useT();
  if (!links.parent && links.children.length === 0) return null;
  return (
    <Card size="small" title={t('audit.links.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {links.parent && (
          <Space wrap>
            <Typography.Text>{t('audit.links.parent')}</Typography.Text>
            <Button size="small" onClick={() => navigate(auditCasePath((links.parent as { instanceId: string }).instanceId))}>
              {t('audit.links.open')}
            </Button>
          </Space>
        )}
        {links.children.length > 0 && (
          <Table<ChildLink>
            size="small"
            rowKey="instanceId"
            dataSource={links.children}
            pagination={links.children.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { key: 'step', title: t('case.children.step'), render: (_, link) => elementLabel(link.elementId) },
              { key: 'head', title: t('audit.links.head'), render: (_, link) => (link.recordedHead ? t('audit.links.headSeq', { seq: link.recordedHead.lastSeq }) : '—') },
              { key: 'matches', title: t('audit.links.check'), render: (_, link) => <HeadTag link={link} /> },
              {
                key: 'open',
                title: '',
                align: 'right',
                render: (_, link) => (
                  <Button size="small" onClick={() => navigate(auditCasePath(link.instanceId))}>
                    {t('audit.links.open')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
