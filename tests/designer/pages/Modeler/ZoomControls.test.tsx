/** @jest-environment jsdom */
// The zoom buttons over the canvas (issue 17): zoom in and out by bpmn-js's steps, fit the whole diagram into view. The
// modeler is a stand-in recording what the buttons ask of its services (bpmn-js does not run under jest).
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { ZoomControls } from '../../../../designer/src/pages/Modeler/ZoomControls';
import { renderWithProviders } from '../../support/renderWithProviders';

/** A modeler whose zoomScroll and canvas services record their calls. */
function recordingModeler() {
  const calls: string[] = [];
  const services: Record<string, object> = {
    zoomScroll: { stepZoom: (direction: number) => calls.push(`step ${direction}`) },
    canvas: { zoom: (level: string, center: string) => calls.push(`zoom ${level} ${center}`) },
  };
  return { calls, modeler: { get: (name: string) => services[name] } as unknown as BpmnModeler };
}

describe('ZoomControls', () => {
  it('should zoom in, zoom out and fit the diagram to the view', async () => {
    // given
    const { calls, modeler } = recordingModeler();
    renderWithProviders(<ZoomControls modeler={modeler} />);

    // when each button is pressed
    await userEvent.click(screen.getByRole('button', { name: '放大' }));
    await userEvent.click(screen.getByRole('button', { name: '缩小' }));
    await userEvent.click(screen.getByRole('button', { name: '适应画布' }));

    // then
    expect(calls).toEqual(['step 1', 'step -1', 'zoom fit-viewport auto']);
  });

  it('should be disabled until the modeler is ready', () => {
    renderWithProviders(<ZoomControls modeler={null} />);

    expect(screen.getByRole('button', { name: '放大' })).toBeDisabled();
    expect(screen.getByRole('group', { name: '缩放' })).toBeInTheDocument();
  });
});
