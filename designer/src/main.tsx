// Entry point: mounts the app with the query client, the language, and antd's locale and message context.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { meQuery } from './api/hooks/useMe.query';
import { createQueryClient } from './api/queryClient';
import { App } from './App';
import { applyFirstPaintStyles } from './firstPaintStyles';
import { applyDayjsLocale } from './i18n/dayjsLocale';
import type { Locale } from './i18n/locales';
import { LocaleProvider, useLocale } from './i18n/LocaleProvider';
import { preloadPage } from './routing/routes';

const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, en: enUS };
const queryClient = createQueryClient();

function LocalizedApp() {
  const { locale } = useLocale();
  applyDayjsLocale(locale);
  return (
    <ConfigProvider locale={antdLocales[locale]}>
      <AntdApp>
        <App />
      </AntdApp>
    </ConfigProvider>
  );
}

// Who is signed in, and the code and first data of the page the URL names, load at once side by side while React starts;
// the page's code is asked for in a task of its own (a link for each of its chunks took a phone ~25 ms, which made the
// evaluation of the app's modules one long task).
void queryClient.prefetchQuery(meQuery);
setTimeout(() => preloadPage(window.location.pathname, queryClient));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first render, once the first paint's antd styles are in effect, as a transition: React renders it in slices
// between frames (a default update renders in one task, which on a phone's CPU blocked taps for about a second while
// the page was built); index.html's header shows meanwhile.
const root = createRoot(container);
void applyFirstPaintStyles().then(() =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <LocaleProvider>
            <LocalizedApp />
          </LocaleProvider>
        </QueryClientProvider>
      </StrictMode>,
    ),
  ),
);
