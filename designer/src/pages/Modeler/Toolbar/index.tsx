// The modeler's toolbar: process name and key, autosave state, undo/redo, exports, history and deploy.
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useFormatDateTime } from '../../../i18n/useFormatDateTime';
import { useT } from '../../../i18n/useT';
import type { SaveStatus } from '../Workspace/useAutosave';

/** What the toolbar shows and does. */
export interface ToolbarProps {
  name: string | null;
  definitionKey: string;
  latestVersion: number | null;
  status: SaveStatus;
  errorCount: number;
  ready: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onExportXml: () => void;
  onExportSvg: () => void;
  onHistory: () => void;
  onDeploy: () => void;
}

function StatusText({ status }: { status: SaveStatus }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  switch (status.state) {
    case 'pending':
      return <Typography.Text type="secondary">{t('modeler.status.pending')}</Typography.Text>;
    case 'saving':
      return <Typography.Text type="secondary">{t('modeler.status.saving')}</Typography.Text>;
    case 'saved':
      return <Typography.Text type="success">{t('modeler.status.saved', { at: formatDateTime(status.at) })}</Typography.Text>;
    case 'failed':
      return <Typography.Text type="danger">{t('modeler.status.failed', { title: status.error.title })}</Typography.Text>;
    default:
      return null;
  }
}

/** One row above the canvas; deploy is disabled while lint errors remain. */
export function Toolbar(props: ToolbarProps) {
  const t = useT();
  const blocked = props.errorCount > 0;
  return (
    <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
      <Space size="small" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.name || t('modeler.untitled')}
        </Typography.Title>
        <Typography.Text code>{props.definitionKey}</Typography.Text>
        {props.latestVersion ? <Tag color="blue">{t('library.version', { version: props.latestVersion })}</Tag> : <Tag>{t('library.status.draft')}</Tag>}
        <span role="status">
          <StatusText status={props.status} />
        </span>
      </Space>
      <Space size="small" wrap>
        <Button onClick={props.onUndo} disabled={!props.ready}>
          {t('modeler.undo')}
        </Button>
        <Button onClick={props.onRedo} disabled={!props.ready}>
          {t('modeler.redo')}
        </Button>
        <Button onClick={props.onExportXml} disabled={!props.ready}>
          {t('export.xml')}
        </Button>
        <Button onClick={props.onExportSvg} disabled={!props.ready}>
          {t('export.svg')}
        </Button>
        <Button onClick={props.onHistory} disabled={!props.latestVersion}>
          {t('modeler.history')}
        </Button>
        <Tooltip title={blocked ? t('modeler.deployBlocked', { count: props.errorCount }) : undefined}>
          <Button type="primary" onClick={props.onDeploy} disabled={!props.ready || blocked}>
            {t('modeler.deploy')}
          </Button>
        </Tooltip>
      </Space>
    </Flex>
  );
}
