// A read-only bpmn-js viewer of one version with diff markers; lives in a ref, imports in a layout effect, destroyed on unmount.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../../../bpmn/modeler.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useLayoutEffect, useRef } from 'react';

interface Canvas {
  zoom(level: string): void;
  addMarker(id: string, marker: string): void;
}

/** Shows `xml` with CSS class `markers[id]` on each listed element (`diff-added`, `diff-removed`, …). */
export function DiffViewer({ xml, markers, label }: { xml: string; markers: Readonly<Record<string, string>>; label: string }) {
  const container = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let alive = true;
    viewer.importXML(xml).then(
      () => {
        if (!alive) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const [id, marker] of Object.entries(markers)) if (registry.get(id)) canvas.addMarker(id, marker);
      },
      () => undefined,
    );
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, markers]);

  return <div ref={container} role="img" aria-label={label} style={{ height: 280, border: '1px solid #f0f0f0', background: '#fff', position: 'relative' }} />;
}
