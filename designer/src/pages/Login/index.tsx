// The sign-in page, shown whenever nobody is signed in (also after a session expired: the URL stays, so it returns there).
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { LoginInput } from '../../api/auth';
import { useLogin } from '../../api/hooks/useLogin.mutation';
import { describeProblem } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';

/** Username and password; a refused sign-in shows why; `expired` says the previous session ended. */
export function LoginPage({ expired = false }: { expired?: boolean }) {
  const t = useT();
  const login = useLogin();
  const failure = login.error && describeProblem(t, login.error);
  return (
    <Flex justify="center" style={{ paddingTop: 56 }}>
      <Card style={{ width: 400 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical gap={4} style={{ marginBottom: 24 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        {expired && !failure && <Alert type="warning" showIcon title={t('session.expired.title')} description={t('session.expired.detail')} style={{ marginBottom: 16 }} />}
        <Form<LoginInput> layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure.title} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
