// Code loaded on demand once a component is on screen, so the render that shows the component never waits for the
// download (the app renders in transitions: a render that met a lazy module still loading waited for it), and the
// download does not start before the page around it has painted.
import { useEffect, useState } from 'react';

/**
 * What `load` answers, asked for once the calling component has committed and the frame showing it is on screen (the
 * second frame's callback runs after the first frame was presented): null until then, 'failed' when it failed.
 */
export function useModuleAfterCommit<T>(load: () => Promise<T>): T | null | 'failed' {
  const [loaded, setLoaded] = useState<{ module: T } | 'failed' | null>(null);
  useEffect(() => {
    let current = true;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() =>
        load().then(
          (module) => current && setLoaded({ module }),
          () => current && setLoaded('failed'),
        ),
      );
    });
    return () => {
      current = false;
      cancelAnimationFrame(frame);
    };
    // `load` is asked once: a new function on each render names the same module
  }, []);
  return loaded === null || loaded === 'failed' ? loaded : loaded.module;
}
