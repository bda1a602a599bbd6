// Parts of a page whose code loads on demand, asked for only once the page around them is on screen (and, for a part
// below the fold, once the parts above it have shown and it scrolls into view): the render that shows the page never
// waits for the download (the app renders in transitions: a render that met a lazy module still loading waited for it),
// and the download does not start before the page has painted.
import { Alert, Skeleton } from 'antd';
import { type ComponentType, startTransition, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { useT } from '../i18n/useT';

/** When the part is asked for: once the page has painted, or once its place is on screen too (a part below the fold). */
export type LoadWhen = 'painted' | 'onScreen';

/** Calls `then` after `frames` frames (the second frame's callback runs after the first frame was presented); returns the cancel. */
function afterFrames(frames: number, then: () => void): () => void {
  let frame = requestAnimationFrame(function next() {
    frames -= 1;
    if (frames > 0) frame = requestAnimationFrame(next);
    else then();
  });
  return () => cancelAnimationFrame(frame);
}

/**
 * The parts asked for 'painted' that have not shown yet (their component or their message on screen for a frame):
 * a part asked for 'onScreen' waits for them, since until they show it may sit higher than it will (the task form's
 * skeleton is shorter than the form, so the case progress below it was in a phone's view, and loaded, at first).
 */
const unsettled = new Set<object>();
const onSettled = new Set<() => void>();

/** Marks `part` as shown (or gone), and calls back those who waited once no part is left to show. */
function settle(part: object): void {
  if (!unsettled.delete(part) || unsettled.size > 0) return;
  const waiting = [...onSettled];
  onSettled.clear();
  waiting.forEach((then) => then());
}

/** Calls `then` once every part asked for 'painted' has shown (at once when none is loading); returns the cancel. */
function whenPaintedPartsShown(then: () => void): () => void {
  if (unsettled.size === 0) {
    then();
    return () => undefined;
  }
  onSettled.add(then);
  return () => void onSettled.delete(then);
}

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
 * it is on screen and, with `when` 'onScreen', once the page's 'painted' parts have shown and its skeleton is in view; a
 * skeleton of `rows` lines until then, the message `failed` (e.g. 无法加载表单) when the download failed.
 */
export function loadedAfterPaint<P extends object>(load: () => Promise<ComponentType<P>>, rows: number, failed: MessageKey, when: LoadWhen = 'painted'): ComponentType<P> {
  return function LoadedAfterPaint(props: P) {
    const t = useT();
    const [loaded, setLoaded] = useState<{ Component: ComponentType<P> } | 'failed' | null>(null);
    const [part] = useState(() => ({}));
    const placeholder = useRef<HTMLDivElement>(null);
    useEffect(() => {
      let current = true;
      const cancels: Array<() => void> = [];
      const start = () =>
        cancels.push(
          afterFrames(2, () =>
            load().then(
              // rendered as a transition: in slices between frames, not as one long task
              (Component) => current && startTransition(() => setLoaded({ Component })),
              () => current && setLoaded('failed'),
            ),
          ),
        );
      if (when === 'painted') {
        unsettled.add(part);
        start();
      } else {
        // a frame first, so that every part this render mounted has said whether it is loading
        cancels.push(afterFrames(1, () => cancels.push(whenPaintedPartsShown(() => cancels.push(whenOnScreen(placeholder.current, start))))));
      }
      return () => {
        current = false;
        cancels.forEach((cancel) => cancel());
        if (when === 'painted') settle(part);
      };
    }, []);
    useEffect(() => (loaded && when === 'painted' ? afterFrames(1, () => settle(part)) : undefined), [loaded]);
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
