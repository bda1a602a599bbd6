// Whether the screen is narrower than one of antd's breakpoints (md 768 px, lg 992 px), from its media queries.
import { Grid } from 'antd';

/** antd breakpoints a layout switches at. */
export type LayoutBreakpoint = 'md' | 'lg';

/**
 * True when the screen is known to be narrower than `breakpoint`: a smaller breakpoint's media query matches and that
 * one does not. Where no query matches at all (no layout engine, e.g. jsdom) the desktop layout is kept.
 */
export function useScreenBelow(breakpoint: LayoutBreakpoint): boolean {
  const screens = Grid.useBreakpoint();
  const known = Object.values(screens).some(Boolean);
  return known && !screens[breakpoint];
}
