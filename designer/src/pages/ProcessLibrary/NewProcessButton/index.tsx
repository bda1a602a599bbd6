// The 「新建流程」 button: a dialog offering a blank process or one of the templates in processes/.
import { Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { PROCESS_TEMPLATES } from '../../../bpmn/processTemplates';
import { useT } from '../../../i18n/useT';
import { navigate } from '../../../routing/location';

/** Opens the choice; picking one goes to the modeler, which creates the draft. */
export function NewProcessButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const choices = [
    { id: null, name: t('library.new.blank'), description: t('library.new.blankHelp') },
    ...PROCESS_TEMPLATES.map((template) => ({ id: template.id, name: template.name, description: template.description })),
  ];
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('library.new.button')}
      </Button>
      <Modal open={open} title={t('library.new.title')} footer={null} onCancel={() => setOpen(false)} width={640}>
        <List
          dataSource={choices}
          renderItem={(choice) => (
            <List.Item
              actions={[
                <Button key="create" type="link" onClick={() => navigate(choice.id ? `/processes/new?template=${encodeURIComponent(choice.id)}` : '/processes/new')}>
                  {t('library.new.create')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={choice.name} description={<Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} type="secondary">{choice.description}</Typography.Paragraph>} />
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
