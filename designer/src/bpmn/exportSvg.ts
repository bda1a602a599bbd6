// Renders BPMN XML to SVG with a throw-away bpmn-js Viewer (for exports outside the modeler).
import Viewer from 'bpmn-js/lib/Viewer';

/** The SVG of `xml`'s diagram; rejects when the XML cannot be imported. */
export async function svgOf(xml: string): Promise<string> {
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;left:-10000px;top:0;width:1200px;height:800px;';
  document.body.appendChild(container);
  const viewer = new Viewer({ container });
  try {
    await viewer.importXML(xml);
    const { svg } = await viewer.saveSVG();
    return svg;
  } finally {
    viewer.destroy();
    container.remove();
  }
}
