// Builds Sparrow's bpmn-js Modeler: Zeebe properties panel, element templates, lint, translation, form picker, assignment
// pickers (groups and people from the organisation), approval presets of user tasks, called-process picker, timer start
// cycles, legal time (declared clocks, clock controls, deadline presets), starters, the service desk's icon and starter
// variable, and a palette, context pad and replace menu limited to what the engine runs.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import camundaCloudBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrowDescriptor from '../../../contracts/bpmn/sparrowModdle.json';
import type { Locale } from '../i18n/locales';
import approvalModule from './approval';
import assignmentModule from './assignment';
import './assignment/pickers.css';
import calledProcessModule from './calledProcess';
import { elementTemplatesFor } from './elementTemplates';
import engineScopeModule from './engineScope';
import flowRefsModule from './flowRefs';
import formPickerModule from './formPicker';
import legalTimeModule from './legalTime';
import { LINT_CONFIG } from './lint/config';
import slicedLintModule from './lint/slicedLint';
import panelSelectionModule from './panelSelection';
import serviceDeskModule from './serviceDesk';
import startersModule from './starters';
import timerStartModule from './timerStart';
import { translateModule } from './translate';

/** Where the modeler draws: the canvas and the properties panel. */
export interface ModelerContainers {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
}

/** A Modeler for `locale` (palette, context pad, panel and lint messages translated), offering only what the engine runs, linting from the start. */
export function createModeler(containers: ModelerContainers, locale: Locale): BpmnModeler {
  return new BpmnModeler({
    container: containers.canvas,
    propertiesPanel: { parent: containers.propertiesPanel },
    linting: { bpmnlint: LINT_CONFIG, active: true },
    elementTemplates: elementTemplatesFor(locale),
    moddleExtensions: { zeebe: zeebeDescriptor, sparrow: sparrowDescriptor },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      camundaCloudBehaviors,
      lintModule,
      slicedLintModule,
      panelSelectionModule,
      formPickerModule,
      assignmentModule,
      approvalModule,
      calledProcessModule,
      timerStartModule,
      legalTimeModule,
      startersModule,
      serviceDeskModule,
      flowRefsModule,
      engineScopeModule,
      translateModule(locale),
    ],
  });
}
