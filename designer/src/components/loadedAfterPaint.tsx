// Forms whose code loads on demand, asked for only once the page around them is on screen: the render that shows the
// page never waits for the download (the app renders in transitions: a render that met a lazy module still loading
// waited for it), and the download does not start before the page has painted.
import { Alert, Skeleton } from 'antd';
import { type ComponentType, startTransition, useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { useT } from '../i18n/useT';

/**
 * A component that shows `load`'s component with the same props, asked for once it has committed and the frame showing
 * it is on screen (the second frame's callback runs after the first frame was presented); a skeleton of `rows` lines
 * until then, the message `failed` (e.g. 无法加载表单) when the download failed.
 */
export function loadedAfterPaint<P extends object>(load: () => Promise<ComponentType<P>>, rows: number, failed: MessageKey): ComponentType<P> {
  return function LoadedAfterPaint(props: P) {
    const t = useT();
    const [loaded, setLoaded] = useState<{ Component: ComponentType<P> } | 'failed' | null>(null);
    useEffect(() => {
      let current = true;
      let frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() =>
          load().then(
            // rendered as a transition: in slices between frames, not as one long task
            (Component) => current && startTransition(() => setLoaded({ Component })),
            () => current && setLoaded('failed'),
          ),
        );
      });
      return () => {
        current = false;
        cancelAnimationFrame(frame);
      };
    }, []);
    if (!loaded) return <Skeleton active paragraph={{ rows }} />;
    if (loaded === 'failed') return <Alert type="error" showIcon title={t(failed)} />;
    return <loaded.Component {...props} />;
  };
}
