// The bpmn-js viewer with its styles, imported on demand: a page loads it only when it shows a diagram.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

export { default as NavigatedViewer } from 'bpmn-js/lib/NavigatedViewer';
