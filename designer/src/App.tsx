// The application shell: header with product name, user and language switch, side menu (a ☰ drawer on phones), and the
// current page.
import { Layout, Menu, Typography } from 'antd';
import { useDeferredValue } from 'react';
import { useMe } from './api/hooks/useMe.query';
import { useSessionGuard } from './api/hooks/useSessionGuard';
import { LanguageSwitch } from './components/LanguageSwitch';
import { NavDrawer } from './components/NavDrawer';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { ProblemAlert } from './components/ProblemAlert';
import { UserMenu } from './components/UserMenu';
import { useT } from './i18n/useT';
import { useScreenBelow } from './layout/useScreenBelow';
import { navigate, usePathname } from './routing/location';
import { lazyComponent, pageLoading } from './routing/lazyComponent';
import { homePath, matchRoute, menuRoutes } from './routing/routes';

// Sign-in and the 404 page load on demand: a signed-in user's first page does not wait for their code (the sign-in
// form's, with antd's form and inputs, was a sixth of the boot's JS).
const LoginPage = lazyComponent(() => import('./pages/Login').then((module) => module.LoginPage));
const NotFound = lazyComponent(() => import('./pages/NotFound').then((module) => module.NotFound));

/** Lays out the shell and renders the page the URL names; asks to sign in first when nobody is. */
export function App() {
  const t = useT();
  // Who is signed in renders as a deferred update, in slices between frames (the first page with it)
  const me = useDeferredValue(useMe());
  // A 401 refetches the user; while that answers 401 the data of the expired session must not show.
  const signedIn = me.data && !me.error ? me.data : undefined;
  const expired = useSessionGuard(Boolean(signedIn));
  const pathname = usePathname();
  const narrow = useScreenBelow('lg');
  const match = matchRoute(pathname === '/' && signedIn ? homePath(signedIn.roles) : pathname);
  const Page = match?.route.Page ?? NotFound;

  let content;
  if (me.isPending) content = pageLoading;
  else if (me.error?.status === 401) content = <LoginPage expired={expired} />;
  else if (me.error) content = <ProblemAlert message={t('auth.loadFailed')} error={me.error} />;
  else content = <Page params={match?.params ?? {}} />;
  // a page (or the sign-in form) whose code did not download, or that threw, says so instead of blanking the app
  content = <PageErrorBoundary resetKey={pathname}>{content}</PageErrorBoundary>;

  const nav = signedIn && (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={match ? [match.route.menuPath] : []}
        items={menuRoutes(signedIn.roles).flatMap(({ path, labelKey }) => (labelKey ? [{ key: path, label: t(labelKey) }] : []))}
        onClick={({ key }) => navigate(key)}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: narrow ? 8 : 16, paddingInline: narrow ? 8 : 24 }}>
        <span style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
          {signedIn && narrow && <NavDrawer me={signedIn}>{nav}</NavDrawer>}
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Title>
        </span>
        {/* Below lg the menu, roles, streets, sign-out and language are in the ☰ drawer; the header keeps the name. */}
        <span style={{ display: 'flex', alignItems: 'center', gap: 16, minWidth: 0, overflowX: 'auto' }}>
          {signedIn && <UserMenu me={signedIn} show={narrow ? 'name' : 'all'} />}
          {!(signedIn && narrow) && <LanguageSwitch />}
        </span>
      </Layout.Header>
      <Layout>
        {signedIn && !narrow && (
          <Layout.Sider theme="light" width={180}>
            {nav}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 16, minWidth: 0 }}>
          {content}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
