// A read-only bpmn-js viewer of one version with diff markers; lives in a ref, imports in a layout effect, destroyed on
// unmount. The element in focus is outlined and brought to the middle at full size.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../../../bpmn/modeler.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Canvas {
  zoom(level: string): void;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  viewbox(): { outer: Box };
  viewbox(box: Box): void;
}

/** The marker of the element in focus. */
const FOCUS_MARKER = 'diff-focus';

/** The element's box (shapes) or the box around its waypoints (connections). */
function boxOf(element: Partial<Box> & { waypoints?: Array<{ x: number; y: number }> }): Box {
  if (!element.waypoints) return { x: element.x ?? 0, y: element.y ?? 0, width: element.width ?? 0, height: element.height ?? 0 };
  const xs = element.waypoints.map((point) => point.x);
  const ys = element.waypoints.map((point) => point.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** Shows `xml` with CSS class `markers[id]` on each listed element (`diff-added`, `diff-removed`, …); `focus` centres an element (when this version has it). */
export function DiffViewer({ xml, markers, label, focus }: { xml: string; markers: Readonly<Record<string, string>>; label: string; focus?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);

  useLayoutEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current });
    let alive = true;
    created.importXML(xml).then(
      () => {
        if (!alive) return;
        const canvas = created.get<Canvas>('canvas');
        const registry = created.get<{ get(id: string): unknown }>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const [id, marker] of Object.entries(markers)) if (registry.get(id)) canvas.addMarker(id, marker);
        setViewer(created);
      },
      () => undefined,
    );
    return () => {
      alive = false;
      setViewer(null);
      created.destroy();
    };
  }, [xml, markers]);

  useEffect(() => {
    if (!viewer || !focus) return undefined;
    const element = viewer.get<{ get(id: string): (Partial<Box> & { waypoints?: Array<{ x: number; y: number }> }) | undefined }>('elementRegistry').get(focus);
    if (!element) return undefined;
    const canvas = viewer.get<Canvas>('canvas');
    const box = boxOf(element);
    const { outer } = canvas.viewbox();
    canvas.viewbox({ x: box.x + box.width / 2 - outer.width / 2, y: box.y + box.height / 2 - outer.height / 2, width: outer.width, height: outer.height });
    canvas.addMarker(focus, FOCUS_MARKER);
    return () => canvas.removeMarker(focus, FOCUS_MARKER);
  }, [viewer, focus]);

  return <div ref={container} role="img" aria-label={label} style={{ height: 280, border: '1px solid #f0f0f0', background: '#fff', position: 'relative' }} />;
}
