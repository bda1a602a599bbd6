// Parts of a page whose code loads on demand, asked for only once the page around them is on screen (and, for a part
// below the fold, once it scrolls into view): the render that shows the page never waits for the download (the app
// renders in transitions: a render that met a lazy module still loading waited for it), and the download does not
// start before the page has painted.
import { Alert, Skeleton } from 'antd';
import { type ComponentType, startTransition, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { useT } from '../i18n/useT';

/** When the part is asked for: once the page has painted, or once its place is on screen too (a part below the fold). */
export type LoadWhen = 'painted' | 'onScreen';

/** Calls `start` once `element` is on screen (at once where the browser cannot tell); returns the cancel. */
function whenOnScreen(element: Element | null, start: () => void): () => void {
  if (!element || typeof IntersectionObserver === 'undefined') {
    start();
    return () => undefined;
  }
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    start();
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * A component that shows `load`'s component with the same props, asked for once it has committed and the frame showing
 * it is on screen (the second frame's callback runs after the first frame was presented) and, with `when` 'onScreen',
 * once its skeleton is in view; a skeleton of `rows` lines until then, the message `failed` (e.g. 无法加载表单) when the
 * download failed.
 */
export function loadedAfterPaint<P extends object>(load: () => Promise<ComponentType<P>>, rows: number, failed: MessageKey, when: LoadWhen = 'painted'): ComponentType<P> {
  return function LoadedAfterPaint(props: P) {
    const t = useT();
    const [loaded, setLoaded] = useState<{ Component: ComponentType<P> } | 'failed' | null>(null);
    const placeholder = useRef<HTMLDivElement>(null);
    useEffect(() => {
      let current = true;
      let frame = 0;
      const start = () => {
        frame = requestAnimationFrame(() => {
          frame = requestAnimationFrame(() =>
            load().then(
              // rendered as a transition: in slices between frames, not as one long task
              (Component) => current && startTransition(() => setLoaded({ Component })),
              () => current && setLoaded('failed'),
            ),
          );
        });
      };
      let stopWatching: () => void = () => undefined;
      if (when === 'onScreen') stopWatching = whenOnScreen(placeholder.current, start);
      else start();
      return () => {
        current = false;
        stopWatching();
        cancelAnimationFrame(frame);
      };
    }, []);
    if (!loaded) {
      return (
        <div ref={placeholder}>
          <Skeleton active paragraph={{ rows }} />
        </div>
      );
    }
    if (loaded === 'failed') return <Alert type="error" showIcon title={t(failed)} />;
    return <loaded.Component {...props} />;
  };
}
