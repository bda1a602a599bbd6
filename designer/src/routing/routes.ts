// The app's pages: one entry per page gives its path, menu label and component.
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { ProcessLibrary } from '../pages/ProcessLibrary';

/** One page reachable from the side menu. */
export interface AppRoute {
  path: string;
  labelKey: MessageKey;
  Page: ComponentType;
}

/** The pages, in menu order; the first is the home page. */
export const routes: readonly AppRoute[] = [
  { path: '/processes', labelKey: 'nav.processes', Page: ProcessLibrary },
];

/** The page for a path (`/` is the home page; a trailing slash is ignored), or undefined when none matches. */
export function matchRoute(pathname: string): AppRoute | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return routes[0];
  return routes.find((route) => route.path === path);
}
