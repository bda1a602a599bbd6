// Renders a designer component inside the providers the app wraps every page in: language, antd locale, TanStack Query.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LocaleProvider } from '../../../designer/src/i18n/LocaleProvider';

/** Renders `ui` in zh-CN (or the stored language) with a fresh query client that never retries. */
export function renderWithProviders(ui: ReactElement): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>{ui}</LocaleProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
