// The application shell: header with product name, user and language switch, side menu, and the current page.
import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useMe } from './api/hooks/useMe.query';
import { useSessionGuard } from './api/hooks/useSessionGuard';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ProblemAlert } from './components/ProblemAlert';
import { UserMenu } from './components/UserMenu';
import { useT } from './i18n/useT';
import { LoginPage } from './pages/Login';
import { NotFound } from './pages/NotFound';
import { navigate, usePathname } from './routing/location';
import { homePath, matchRoute, menuRoutes } from './routing/routes';

/** Lays out the shell and renders the page the URL names; asks to sign in first when nobody is. */
export function App() {
  const t = useT();
  const me = useMe();
  // A 401 refetches the user; while that answers 401 the data of the expired session must not show.
  const signedIn = me.data && !me.error ? me.data : undefined;
  const expired = useSessionGuard(Boolean(signedIn));
  const pathname = usePathname();
  const match = matchRoute(pathname === '/' && signedIn ? homePath(signedIn.roles) : pathname);
  const Page = match?.route.Page ?? NotFound;

  let content;
  if (me.isPending) content = <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  else if (me.error?.status === 401) content = <LoginPage expired={expired} />;
  else if (me.error) content = <ProblemAlert message={t('auth.loadFailed')} error={me.error} />;
  else
    content = (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 120 }} />}>
        <Page params={match?.params ?? {}} />
      </Suspense>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        {/* On a phone the user's roles and streets scroll within the header instead of widening the page. */}
        <span style={{ display: 'flex', alignItems: 'center', gap: 16, minWidth: 0, overflowX: 'auto' }}>
          {signedIn && <UserMenu me={signedIn} />}
          <LanguageSwitch />
        </span>
      </Layout.Header>
      <Layout>
        {signedIn && (
          <Layout.Sider theme="light" width={180} breakpoint="lg" collapsedWidth={0}>
            <nav aria-label={t('nav.label')}>
              <Menu
                mode="inline"
                selectedKeys={match ? [match.route.menuPath] : []}
                items={menuRoutes(signedIn.roles).flatMap(({ path, labelKey }) => (labelKey ? [{ key: path, label: t(labelKey) }] : []))}
                onClick={({ key }) => navigate(key)}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          {content}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
