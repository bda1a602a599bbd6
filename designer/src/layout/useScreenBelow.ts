// Whether the screen is narrower than one of antd's breakpoints (md 768 px, lg 992 px, xl 1200 px), read from a media
// query when the page renders, so a phone's first render already has the phone layout (antd's Grid.useBreakpoint knows
// nothing until its effect ran: the desktop layout rendered first, and the task page began fetching the diagram a
// phone hides).
import { theme } from 'antd';
import { useCallback, useSyncExternalStore } from 'react';

/** antd breakpoints a layout switches at. */
export type LayoutBreakpoint = 'md' | 'lg' | 'xl';

/** Whether `query` matches; false where there is no media query support (jsdom: the desktop layout is kept). */
const matches = (query: string) => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false);

/** True while the screen is narrower than `breakpoint`, following the screen as it turns or resizes. */
export function useScreenBelow(breakpoint: LayoutBreakpoint): boolean {
  const { token } = theme.useToken();
  // antd's breakpoint is `(min-width: <screenMD>px)`; below it is the complement.
  const minWidth = { md: token.screenMD, lg: token.screenLG, xl: token.screenXL }[breakpoint];
  const query = `not all and (min-width: ${minWidth}px)`;
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => matches(query), () => false);
}
