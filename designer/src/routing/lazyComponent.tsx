// Components whose code loads on first use, shown without Suspense: React holds back what a Suspense boundary reveals
// after a download until 300 ms after its fallback appeared, so a page whose code arrived a moment after the header
// painted waited that long to show; here the page appears in the render that follows its code's arrival (a transition,
// rendered in slices between frames).
import { Spin } from 'antd';
import { type ComponentType, type ReactNode, startTransition, useEffect, useState } from 'react';

/** A component whose code downloads when it first renders, or before by `preload`. */
export type LazyComponent<P> = ComponentType<P> & { preload: () => Promise<ComponentType<P>> };

/** What a page shows while its code downloads. */
export const pageLoading: ReactNode = <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;

/**
 * `load`'s component: it renders `pageLoading` until the code is there (at once when it already is), and throws to the
 * nearest error boundary when the download failed (the next mount asks again).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (Component) => (loaded = Component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [state, setState] = useState<{ Component?: ComponentType<P>; error?: unknown }>(() => ({ Component: loaded }));
    useEffect(() => {
      if (state.Component) return undefined;
      let current = true;
      preload().then(
        // rendered as a transition: in slices between frames, not as one long task
        (Component) => current && startTransition(() => setState({ Component })),
        (error: unknown) => current && setState({ error }),
      );
      return () => {
        current = false;
      };
    }, [state.Component]);
    if (state.error) throw state.error;
    return state.Component ? <state.Component {...props} /> : pageLoading;
  }
  return Object.assign(Lazy, { preload });
}
