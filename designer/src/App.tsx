// The application shell: header with product name and language switch, side menu, and the current page.
import { Layout, Menu, Typography } from 'antd';
import { LanguageSwitch } from './components/LanguageSwitch';
import { SessionExpiredAlert } from './components/SessionExpiredAlert';
import { useT } from './i18n/useT';
import { NotFound } from './pages/NotFound';
import { navigate, usePathname } from './routing/location';
import { matchRoute, routes } from './routing/routes';

/** Lays out the shell and renders the page the URL names. */
export function App() {
  const t = useT();
  const route = matchRoute(usePathname());
  const Page = route?.Page ?? NotFound;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={0}>
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={route ? [route.path] : []}
              items={routes.map(({ path, labelKey }) => ({ key: path, label: t(labelKey) }))}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <SessionExpiredAlert />
          <Page />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
