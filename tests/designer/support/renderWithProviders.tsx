// Renders a designer component inside the providers the app wraps every page in: language, antd locale and App, TanStack Query.
import { createCache, StyleProvider } from '@ant-design/cssinjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/lib/locale/en_US';
import zhCN from 'antd/lib/locale/zh_CN';
import type { ReactElement, ReactNode } from 'react';
import { useMe } from '../../../designer/src/api/hooks/useMe.query';
import { LocaleProvider, useLocale } from '../../../designer/src/i18n/LocaleProvider';

/** antd's providers as main.tsx sets them; its CSS-in-JS collects styles as on a server instead of writing them into jsdom (slow, and unused). */
function AntdProviders({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <StyleProvider cache={createCache()} mock="server">
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </StyleProvider>
  );
}

/** Renders `ui` in zh-CN (or the stored language) with a fresh query client that never retries, as main.tsx mounts the app. */
export function renderWithProviders(ui: ReactElement): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntdProviders>{ui}</AntdProviders>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

/** Shows `children` once the signed-in user is known, as the app shell does before it renders any page. */
export function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? children : null;
}
