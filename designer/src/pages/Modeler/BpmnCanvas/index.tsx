// The bpmn-js host: canvas and properties panel side by side; the modeler lives in a ref, is created in a layout effect and destroyed on unmount.
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useLayoutEffect, useRef } from 'react';
import { createModeler } from '../../../bpmn/createModeler';
import '../../../bpmn/modeler.css';
import type { Locale } from '../../../i18n/locales';

/** A lint finding as bpmn-js-bpmnlint reports it. */
export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ZoomableCanvas {
  zoom(level: 'fit-viewport', center: 'auto'): number;
  viewbox(): { scale: number; inner: Box; outer: Box };
  viewbox(box: Box): void;
}

/** Below this scale labels are unreadable: a wide diagram opens at its start instead of shrunk to fit. */
const MIN_OPENING_ZOOM = 0.75;

function fitReadable(canvas: ZoomableCanvas): void {
  if (canvas.zoom('fit-viewport', 'auto') >= MIN_OPENING_ZOOM) return;
  const { inner, outer } = canvas.viewbox();
  canvas.viewbox({ x: inner.x - 40, y: inner.y - 80, width: outer.width / MIN_OPENING_ZOOM, height: outer.height / MIN_OPENING_ZOOM });
}

/** What the canvas tells its parent. */
export interface BpmnCanvasEvents {
  /** A modeler is ready (again after a language switch) with the diagram imported; null when it is gone. */
  onModeler: (modeler: BpmnModeler | null) => void;
  /** The diagram changed; `xml` is its new text. */
  onChange: (xml: string) => void;
  /** Lint finished with these findings. */
  onLint: (issues: LintIssue[]) => void;
  /** The XML could not be imported. */
  onImportError: (error: Error) => void;
}

/** Edits `initialXml`; a language switch rebuilds the modeler (palette, panel and lint texts are fixed at creation) on the current diagram. */
export function BpmnCanvas({ initialXml, locale, events }: { initialXml: string; locale: Locale; events: BpmnCanvasEvents }) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const xmlRef = useRef(initialXml);
  const eventsRef = useRef(events);
  eventsRef.current = events;

  useLayoutEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    const modeler = createModeler({ canvas: canvasRef.current, propertiesPanel: panelRef.current }, locale);
    let alive = true;
    modeler.on('commandStack.changed', () => {
      modeler.saveXML({ format: true }).then(
        ({ xml }) => {
          if (!alive || !xml) return;
          xmlRef.current = xml;
          eventsRef.current.onChange(xml);
        },
        () => undefined,
      );
    });
    modeler.on('linting.completed', (event: { issues: Record<string, LintIssue[]> }) => {
      if (alive) eventsRef.current.onLint(Object.values(event.issues).flat());
    });
    modeler.importXML(xmlRef.current).then(
      () => {
        if (!alive) return;
        fitReadable(modeler.get<ZoomableCanvas>('canvas'));
        eventsRef.current.onModeler(modeler);
      },
      (error: Error) => alive && eventsRef.current.onImportError(error),
    );
    return () => {
      alive = false;
      eventsRef.current.onModeler(null);
      modeler.destroy();
    };
  }, [locale]);

  return (
    <div style={{ display: 'flex', flex: 1, minHeight: 0, border: '1px solid #f0f0f0', background: '#fff' }}>
      <div ref={canvasRef} data-testid="bpmn-canvas" style={{ flex: 1, minWidth: 0, position: 'relative' }} />
      <div ref={panelRef} data-testid="properties-panel" style={{ width: 320, borderInlineStart: '1px solid #f0f0f0', overflowY: 'auto' }} />
    </div>
  );
}
