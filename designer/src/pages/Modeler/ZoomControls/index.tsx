// Zoom buttons over the canvas's lower left corner: zoom in, zoom out, and fit the whole diagram into view.
import { Button, Flex, Tooltip } from 'antd';
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useT } from '../../../i18n/useT';

interface ZoomScroll {
  stepZoom(direction: number): void;
}

interface FittingCanvas {
  zoom(level: 'fit-viewport', center: 'auto'): number;
}

/** The three buttons, disabled until `modeler` is ready. */
export function ZoomControls({ modeler }: { modeler: BpmnModeler | null }) {
  const t = useT();
  const step = (direction: 1 | -1) => modeler?.get<ZoomScroll>('zoomScroll').stepZoom(direction);
  const buttons = [
    { label: t('modeler.zoomIn'), glyph: '+', onClick: () => step(1) },
    { label: t('modeler.zoomOut'), glyph: '−', onClick: () => step(-1) },
    { label: t('modeler.zoomFit'), glyph: '⤢', onClick: () => modeler?.get<FittingCanvas>('canvas').zoom('fit-viewport', 'auto') },
  ];
  return (
    <Flex vertical gap={4} role="group" aria-label={t('modeler.zoom')} style={{ position: 'absolute', left: 12, bottom: 12, zIndex: 10 }}>
      {buttons.map(({ label, glyph, onClick }) => (
        <Tooltip key={label} title={label} placement="right">
          <Button aria-label={label} onClick={onClick} disabled={!modeler} style={{ width: 32, paddingInline: 0, fontSize: 16 }}>
            {glyph}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
