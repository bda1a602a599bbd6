// The processes of the campaign benchmark: a site case (one task for the enforcement staff of the case's street) and
// the campaign that calls it once per site, in parallel, collecting each site's outcome.
import { bpmnDocument } from './bpmnDocument';

/** The BPMN process id of the site case. */
export const SITE_PROCESS = 'site-inspection';

/** A site case: the street's enforcement staff inspect the site and record the outcome. */
export function siteXml(): string {
  return bpmnDocument('Site', SITE_PROCESS, '点位核查整治', [
    '<bpmn:startEvent id="SiteStart" name="点位下发"><bpmn:outgoing>SiteFlow_1</bpmn:outgoing></bpmn:startEvent>',
    '<bpmn:userTask id="Inspect" name="现场核查整治"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="enforcement" /></bpmn:extensionElements><bpmn:incoming>SiteFlow_1</bpmn:incoming><bpmn:outgoing>SiteFlow_2</bpmn:outgoing></bpmn:userTask>',
    '<bpmn:endEvent id="SiteEnd" name="整治完成"><bpmn:incoming>SiteFlow_2</bpmn:incoming></bpmn:endEvent>',
    '<bpmn:sequenceFlow id="SiteFlow_1" sourceRef="SiteStart" targetRef="Inspect" />',
    '<bpmn:sequenceFlow id="SiteFlow_2" sourceRef="Inspect" targetRef="SiteEnd" />',
  ]);
}

/** The campaign: a parallel multi-instance call activity over `sites`, each site's `outcome` collected in `outcomes`. */
export function campaignXml(): string {
  return bpmnDocument('Campaign', 'campaign', '专项整治行动', [
    '<bpmn:startEvent id="CampaignStart" name="行动部署"><bpmn:outgoing>CampaignFlow_1</bpmn:outgoing></bpmn:startEvent>',
    `<bpmn:callActivity id="Sites" name="逐点整治">
      <bpmn:extensionElements>
        <zeebe:calledElement processId="${SITE_PROCESS}" propagateAllChildVariables="false" propagateAllParentVariables="false" />
        <zeebe:ioMapping><zeebe:input source="=site" target="site" /><zeebe:output source="=outcome" target="outcome" /></zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:incoming>CampaignFlow_1</bpmn:incoming><bpmn:outgoing>CampaignFlow_2</bpmn:outgoing>
      <bpmn:multiInstanceLoopCharacteristics>
        <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=sites" inputElement="site" outputCollection="outcomes" outputElement="=outcome" /></bpmn:extensionElements>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:callActivity>`,
    '<bpmn:endEvent id="CampaignEnd" name="行动结束"><bpmn:incoming>CampaignFlow_2</bpmn:incoming></bpmn:endEvent>',
    '<bpmn:sequenceFlow id="CampaignFlow_1" sourceRef="CampaignStart" targetRef="Sites" />',
    '<bpmn:sequenceFlow id="CampaignFlow_2" sourceRef="Sites" targetRef="CampaignEnd" />',
  ]);
}
