// A case's diagram: a bpmn-js NavigatedViewer (loaded on first use, so pages without a diagram never download it) in a
// ref, destroyed on unmount, the case's current, finished and taken elements highlighted with markers, and (for the
// auditor's step view) token badges.
import './caseDiagram.css';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';

interface Overlays {
  add(elementId: string, type: string, overlay: { position: { top?: number; right?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

interface Canvas {
  zoom(level: string): void;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
}

/** Marker classes of the case's states on the diagram. */
export const CASE_MARKERS = { current: 'sparrow-case-current', done: 'sparrow-case-done', taken: 'sparrow-case-taken' } as const;
/** Overlay type (and CSS class) of the token badges. */
export const TOKEN_OVERLAY = 'sparrow-token';

/** Element ids to mark: where the case is now, the elements it finished, the flows it took. */
export interface CaseMarks {
  current: readonly string[];
  done: readonly string[];
  taken: readonly string[];
}

/**
 * Shows `xml` read-only with the case's marks; `tokens` (element ids, one per token) adds a badge with the count on
 * each element holding a token, titled `tokenLabel`. `onError` hears about a diagram that cannot be shown.
 */
export function CaseDiagram({
  xml,
  marks,
  label,
  height = 320,
  tokens,
  tokenLabel,
  onError,
}: {
  xml: string;
  marks: CaseMarks;
  label: string;
  height?: number;
  tokens?: readonly string[];
  tokenLabel?: string;
  onError?: (error: Error) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<NavigatedViewer | null>(null);
  const [imported, setImported] = useState(0);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let alive = true;
    let viewer: NavigatedViewer | undefined;
    import('./viewer')
      .then(async (module) => {
        if (!alive) return;
        const created = new module.NavigatedViewer({ container: element });
        viewer = created;
        viewerRef.current = created;
        await created.importXML(xml);
        if (!alive) return;
        created.get<Canvas>('canvas').zoom('fit-viewport');
        setImported((n) => n + 1);
      })
      .catch((error: Error) => alive && onErrorRef.current?.(error));
    return () => {
      alive = false;
      viewerRef.current = null;
      viewer?.destroy();
    };
  }, [xml]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || imported === 0) return;
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
    const applied: Array<[string, string]> = [];
    const mark = (ids: readonly string[], marker: string) => {
      for (const id of new Set(ids)) {
        if (!registry.get(id)) continue;
        canvas.addMarker(id, marker);
        applied.push([id, marker]);
      }
    };
    const current = new Set(marks.current);
    mark(marks.done.filter((id) => !current.has(id)), CASE_MARKERS.done);
    mark(marks.taken, CASE_MARKERS.taken);
    mark(marks.current, CASE_MARKERS.current);
    return () => applied.forEach(([id, marker]) => canvas.removeMarker(id, marker));
  }, [imported, marks]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || imported === 0 || !tokens) return;
    const overlays = viewer.get<Overlays>('overlays');
    const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
    const counts = new Map<string, number>();
    for (const id of tokens) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) {
      if (!registry.get(id)) continue;
      const badge = document.createElement('span');
      badge.className = TOKEN_OVERLAY;
      badge.dataset.elementId = id;
      badge.textContent = String(count);
      if (tokenLabel) badge.title = tokenLabel;
      overlays.add(id, TOKEN_OVERLAY, { position: { top: -10, right: 10 }, html: badge });
    }
    return () => overlays.remove({ type: TOKEN_OVERLAY });
  }, [imported, tokens, tokenLabel]);

  return <div ref={container} role="img" aria-label={label} data-testid="case-diagram" style={{ height, border: '1px solid #f0f0f0', background: '#fff', position: 'relative' }} />;
}
