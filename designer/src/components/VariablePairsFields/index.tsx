// Name/value rows for process variables inside an antd Form (a Form.List); values are parsed as JSON when they can be.
import { Button, Flex, Form, Input, Typography } from 'antd';
import { VARIABLE_NAME } from './variablePairs';
import { useT } from '../../i18n/useT';

/** The rows of list field `name` of the enclosing antd Form: each a variable name and a value (text, number, JSON). */
export function VariablePairsFields({ name }: { name: string }) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item
                name={[field.name, 'name']}
                style={{ marginBottom: 0, width: 200 }}
                rules={[{ pattern: VARIABLE_NAME, message: t('variables.nameInvalid') }]}
              >
                <Input placeholder={t('variables.name')} aria-label={t('variables.nameOf', { index: index + 1 })} />
              </Form.Item>
              <Form.Item name={[field.name, 'value']} style={{ marginBottom: 0, flex: 1 }}>
                <Input placeholder={t('variables.value')} aria-label={t('variables.valueOf', { index: index + 1 })} />
              </Form.Item>
              <Button onClick={() => remove(field.name)} aria-label={t('variables.removeOf', { index: index + 1 })}>
                {t('variables.remove')}
              </Button>
            </Flex>
          ))}
          <div>
            <Button type="dashed" onClick={() => add({ name: '', value: '' })}>
              {t('variables.add')}
            </Button>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('variables.help')}
          </Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}
