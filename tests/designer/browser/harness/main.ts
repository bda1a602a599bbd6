// The browser harness of the modeler spec: Sparrow's real createModeler on a bare page, in the locale of `?locale=`,
// exposed as `window.sparrowModeler` with drawing helpers as `window.sparrowDraw`, once the blank diagram is open. Its
// organisation directory offers the groups and roles as the workspace does (no org units, no people).
import type OrgDirectory from '../../../../designer/src/bpmn/assignment/OrgDirectory';
import { createModeler } from '../../../../designer/src/bpmn/createModeler';
import { dictionaries, type Locale } from '../../../../designer/src/i18n/locales';
import { groupChoices } from '../../../../designer/src/pages/Modeler/Workspace/groupChoices';
import { BLANK, type Drawing, drawing } from './draw';

declare global {
  interface Window {
    sparrowModeler: ReturnType<typeof createModeler>;
    sparrowDraw: Drawing;
  }
}

const locale: Locale = new URLSearchParams(location.search).get('locale') === 'en' ? 'en' : 'zh-CN';
const modeler = createModeler({ canvas: document.getElementById('canvas')!, propertiesPanel: document.getElementById('panel')! }, locale);
modeler.get<OrgDirectory>('sparrowDirectory').setGroups(groupChoices(dictionaries[locale], []));
void modeler.importXML(BLANK).then(() => {
  window.sparrowModeler = modeler;
  window.sparrowDraw = drawing(modeler);
});
